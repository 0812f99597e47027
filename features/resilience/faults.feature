Feature: The conversation survives a failing service
  A service fails once; the agent reports it and answers the user's next turn.

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

  Scenario: The TTS stream is cut and the next turn is answered
    Given the conversation:
      | at    | who   | says                                       |
      | 0.5 s | user  | Tell me something about the moon.          |
      |       | agent | The moon is slowly drifting away from the earth, about four centimetres every year. |
      | 7 s   | user  | Can you say that again?                    |
      |       | agent | Sure. The moon drifts about four centimetres away each year. |
    And the TTS stream of the first reply is cut midway
    Then the agent reports a TTS error
    And the conversation recovers after the fault

  Scenario: The STT connection drops and the agent reconnects
    Given the conversation:
      | at    | who   | says                         |
      | 0.5 s | user  | Good morning.                |
      |       | agent | Good morning to you.         |
      | 5 s   | user  | What's on my calendar today? |
      |       | agent | Two meetings, at ten and at three. |
    And the STT connection drops at 4 s
    Then the agent reports an STT error
    And the conversation recovers after the fault
    And "What's on my calendar today?" is sent to the LLM
