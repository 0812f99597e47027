Feature: The agent answers what the user says
  A conversation written inline: no recording needed. The user's lines are spoken at the times
  given, the scripted STT transcribes them as u3-rt-pro would, and the LLM answers in order.

  Scenario: A question is answered promptly
    Given the conversation:
      | at    | who   | says                                          |
      | 0.5 s | user  | What's the weather like tomorrow?             |
      |       | agent | Tomorrow looks sunny and mild, with a breeze. |
    Then "What's the weather like tomorrow?" is sent to the LLM
    And the reply to "What's the weather like tomorrow?" starts within 1.5 s of the end of the user's speech
    And the agent answers 1 user turn
