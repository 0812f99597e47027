Feature: A real interruption stops the agent at once
  "Wait", "stop", "no" and "yes" interrupt however short the turn. The agent stops speaking,
  forgets the part of its answer nobody heard, and answers the interruption.

  Scenario: "Wait, stop" silences the agent and is answered
    Given the recorded session "fixtures/barge-in-wait-stop"
    When it is replayed
    Then "Wait" interrupts the agent as always interrupt word
    And the speaker is silent within 100 ms of the interruption
    And the agent only remembers what the user heard
    And the agent answers "Wait, stop."

  Scenario: A single "Stop." interrupts although it is one word
    Given the conversation:
      | at    | who   | says                                                                                                   |
      | 0.5 s | user  | Tell me about the history of the old town.                                                             |
      |       | agent | The old town was founded in the twelfth century as a market by the river, and its walls came later.   |
      |       | agent | Okay, I will stop there.                                                                               |
      | 6 s   | user  | Stop.                                                                                                  |
    Then "Stop." interrupts the agent as always interrupt word
    And the agent stops speaking within 300 ms after "Stop."
    And the agent only remembers what the user heard
    And "Stop." is sent to the LLM

  Scenario: A new question in the middle of an answer takes over
    Given the conversation:
      | at    | who   | says                                                                                              |
      | 0.5 s | user  | What can I see in the old town?                                                                   |
      |       | agent | There is the cathedral, the market square, the river walk and the museum of the old printing press. |
      |       | agent | The bakery on the square opens at seven.                                                          |
      | 5.5 s | user  | Actually, where can I get breakfast?                                                              |
    Then "Actually, where can I get breakfast?" interrupts the agent as substantive
    And there is no talk-over longer than 500 ms
    And "Actually, where can I get breakfast?" is sent to the LLM
    And the agent answers 2 user turns

  Scenario: Without words that always interrupt, a bare "No." is too short
    Given the conversation:
      | at    | who   | says                                                                                            |
      | 0.5 s | user  | Should I take the train or the bus?                                                             |
      |       | agent | The train is faster and leaves every twenty minutes, but the bus stops right by your hotel door. |
      | 5.5 s | user  | No.                                                                                             |
    And no words always interrupt
    Then "No." is dropped as too short
    And the agent keeps talking to the end of its reply

  Scenario: A stricter minimum keeps two-word remarks from interrupting
    Given the conversation:
      | at    | who   | says                                                                                              |
      | 0.5 s | user  | What's on at the cinema tonight?                                                                  |
      |       | agent | Tonight there is a comedy at seven and a long science fiction film at nine, both in the big hall. |
      | 5.5 s | user  | Sounds fun.                                                                                       |
    And an interruption needs at least 3 words
    Then "Sounds fun." is dropped as too short
    And no interruption is accepted
