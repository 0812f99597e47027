Feature: The conversation survives a failing service
  A service fails once; the agent reports it and answers the user's next turn. Faults that break
  a socket (a dropped STT connection, a cut stream) are run over the wire, through the mock
  AssemblyAI server and WireMock; an HTTP error status works on virtual time too.

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

  Scenario: The STT connection drops and the agent reconnects
    Given the conversation:
      | at    | who   | says                         |
      | 0.5 s | user  | Good morning.                |
      |       | agent | Good morning to you.         |
      | 5 s   | user  | What's on my calendar today? |
      |       | agent | Two meetings, at ten and at three. |
    And the STT connection drops at 4 s
    When the conversation runs over the wire at 2x
    Then the agent reports an STT error
    And the conversation recovers after the fault
    And "What's on my calendar today?" is sent to the LLM
