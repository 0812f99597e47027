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
