Feature: The conversation survives a failing service
  A service fails once; the agent reports it and answers the user's next turn. An HTTP error
  status works on virtual time. (A dropped STT connection, which breaks a socket, runs over the
  wire in service-failures.feature.)

  Scenario: The LLM fails the first request and the next turn is answered
    Given the conversation:
      | at    | who   | says                          |
      | 0.5 s | user  | What's the weather tomorrow?  |
      |       | agent | Sunny and warm.               |
      | 5 s   | user  | Hello, are you there?         |
      |       | agent | Yes, sorry. Tomorrow will be sunny and warm. |
    And the LLM answers the first request with status 500
    Then the agent reports an LLM error
    And the conversation recovers after the fault
    And "Hello, are you there?" is sent to the LLM

  Scenario: The TTS is unavailable for the first reply and the next turn is answered
    Given the conversation:
      | at    | who   | says                                       |
      | 0.5 s | user  | Tell me something about the moon.          |
      |       | agent | The moon is slowly drifting away from the earth, about four centimetres every year. |
      | 7 s   | user  | Can you say that again?                    |
      |       | agent | Sure. The moon drifts about four centimetres away each year. |
    And the TTS answers the first request with status 503
    Then the agent reports a TTS error
    And the conversation recovers after the fault
