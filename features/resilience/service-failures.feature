Feature: Failing services do not end the conversation
  As `turntable agent` does, the agent retries an LLM or TTS request that fails with 429, 5xx or a
  timeout, with backoff within a latency budget; then it asks the other provider if its key is
  set; otherwise it tells the user briefly and keeps listening. A dropped STT connection is
  reconnected with the history kept. Retries run on virtual time; the dropped connection over the
  wire, through the mock AssemblyAI server.

  Scenario: A rate-limited LLM request is retried and answered
    Given the conversation:
      | at    | who   | says                         |
      | 0.5 s | user  | What's the weather tomorrow? |
      |       | agent | Sunny and warm.              |
    And the agent retries failed requests
    And the LLM answers the first request with status 429
    Then the LLM request is retried 1 time
    And the agent reports no error
    And "What's the weather tomorrow?" is sent to the LLM
    And every answer starts within 2 s of the end of the user's speech

  Scenario: Without retries the same 429 reaches the agent at once
    Given the conversation:
      | at    | who   | says                         |
      | 0.5 s | user  | What's the weather tomorrow? |
      |       | agent | Sunny and warm.              |
    And the LLM answers the first request with status 429
    Then no request is retried
    And the agent reports an LLM error

  Scenario: The LLM keeps failing and the other provider answers
    Given the conversation:
      | at    | who   | says                         |
      | 0.5 s | user  | What's the weather tomorrow? |
      |       | agent | Sunny and warm.              |
    And the agent retries failed requests
    And the other provider's key is set
    And the LLM answers the first 3 requests with status 503
    Then the LLM request is retried 2 times
    And the other LLM provider answers
    And the agent reports no error

  Scenario: Without the other provider's key the agent says it cannot answer and keeps listening
    Given the conversation:
      | at    | who   | says                                          |
      | 0.5 s | user  | What's the weather tomorrow?                  |
      |       | agent | Sunny and warm.                               |
      | 9 s   | user  | Hello, are you there?                         |
      |       | agent | Yes, sorry. Tomorrow will be sunny and warm.  |
    And the agent retries failed requests
    And the LLM answers the first 3 requests with status 500
    Then the LLM request is retried 2 times
    And the agent reports an LLM error
    And the agent tells the user it cannot answer right now
    And "Hello, are you there?" is sent to the LLM
    And the agent answers 2 user turns

  Scenario: A TTS request that fails once is retried and spoken
    Given the conversation:
      | at    | who   | says                               |
      | 0.5 s | user  | Tell me something about the moon.  |
      |       | agent | The moon drifts away from the earth by four centimetres a year. |
    And the agent retries failed requests
    And the TTS answers the first request with status 503
    Then the TTS request is retried 1 time
    And the agent reports no error
    And the agent answers 1 user turn

  Scenario: The TTS keeps failing and the other provider speaks
    Given the conversation:
      | at    | who   | says                               |
      | 0.5 s | user  | Tell me something about the moon.  |
      |       | agent | The moon drifts away from the earth by four centimetres a year. |
    And the agent retries failed requests
    And the other provider's key is set
    And the TTS answers the first 3 requests with status 500
    Then the TTS request is retried 2 times
    And the other TTS provider answers
    And the agent reports no error

  Scenario: Nothing is retried when every request succeeds
    Given the conversation:
      | at    | who   | says                           |
      | 0.5 s | user  | Where is the nearest pharmacy? |
      |       | agent | On Bridge Street, two minutes away. |
      | 6 s   | user  | Is it open now?                |
      |       | agent | Yes, until ten.                |
    And the agent retries failed requests
    And the other provider's key is set
    Then no request is retried
    And the agent reports no error
    And every answer starts within 1.5 s of the end of the user's speech

  Scenario: A dropped STT connection is back within a second and the history is kept
    Given the conversation:
      | at    | who   | says                               |
      | 0.5 s | user  | Good morning.                      |
      |       | agent | Good morning to you.               |
      | 5 s   | user  | What's on my calendar today?       |
      |       | agent | Two meetings, at ten and at three. |
    And the STT connection drops at 4 s
    When the conversation runs over the wire at 2x
    Then the agent reports an STT error
    And the agent reconnects to the STT within 1 s
    And the conversation recovers after the fault
    And the conversation history is kept across the reconnection
    And "What's on my calendar today?" is sent to the LLM
