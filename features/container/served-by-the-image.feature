@container
Feature: The mocks in the Turntable container replay a session as they do in-process
  Agents in other languages use the mocks from the image. The image must replay a recorded
  session with the same decisions as the in-process mocks: our agent runs in the test and reaches
  the container only through its mapped ports.

  Scenario: "Wait, stop" interrupts the agent through the container's ports
    Given the recorded session "fixtures/barge-in-wait-stop"
    And the mocks run in the container "turntable/turntable:it"
    When it is replayed over the wire at 2x
    Then "Wait" interrupts the agent as always interrupt word
    And the agent only remembers what the user heard
    And the agent answers "Wait, stop."
    And the agent decides as it did when recorded
