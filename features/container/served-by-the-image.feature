@container
Feature: The mocks in the Turntable container replay a recorded session
  Agents in other languages use the mocks from the image, so the image must replay a session as
  the in-process mocks do: our agent runs in the test and reaches the container only through its
  mapped ports, and the interruption is heard and answered. At 1x, as the container's first
  session: serve warms its JVM before it reports ready, so its first replies come before the user
  interrupts.

  Scenario: "Wait, stop" interrupts the agent through the container's ports
    Given the recorded session "fixtures/barge-in-wait-stop"
    And the mocks run in the container "turntable/turntable:it"
    When it is replayed over the wire at 1x
    Then "Wait" interrupts the agent as always interrupt word
    And the agent only remembers what the user heard
    And the agent answers "Wait, stop."
