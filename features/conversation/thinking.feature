Feature: A new turn while the agent is thinking replaces the pending reply
  While the LLM request is pending, or before the reply's first audio, the user may add to what
  they said. The pending reply is cancelled, the new turn is answered, and nothing of the stale
  reply is ever played.

  Scenario: A second question while the LLM is still thinking is answered instead
    Given the conversation:
      | at    | who   | says                                                 |
      | 0.5 s | user  | What's the weather like tomorrow?                    |
      |       | agent | Tomorrow will be sunny.                              |
      |       | agent | Tomorrow will be sunny, and on Sunday it will rain.  |
      | 2.7 s | user  | And on Sunday?                                       |
    And the LLM's first token comes after 1.5 s
    Then the pending reply is cancelled for "And on Sunday?"
    And no audio of the cancelled reply is played
    And "And on Sunday?" is sent to the LLM
    And the agent answers 2 user turns

  Scenario: A second question after the first token but before the first audio is answered instead
    Given the conversation:
      | at    | who   | says                                                 |
      | 0.5 s | user  | What's the weather like tomorrow?                    |
      |       | agent | Tomorrow will be sunny.                              |
      |       | agent | Tomorrow will be sunny, and on Sunday it will rain.  |
      | 2.7 s | user  | And on Sunday?                                       |
    And the TTS's first audio comes after 1.5 s
    Then the pending reply is cancelled for "And on Sunday?"
    And no audio of the cancelled reply is played
    And "And on Sunday?" is sent to the LLM

  Scenario: A question after the reply has finished cancels nothing
    Given the conversation:
      | at    | who   | says                                                 |
      | 0.5 s | user  | What's the weather like tomorrow?                    |
      |       | agent | Tomorrow will be sunny.                              |
      |       | agent | On Sunday it will rain.                              |
      | 7 s   | user  | And on Sunday?                                       |
    And the LLM's first token comes after 1.5 s
    Then no reply is cancelled
    And "And on Sunday?" is sent to the LLM
    And the agent answers 2 user turns
    And every answer starts within 2.5 s of the end of the user's speech
