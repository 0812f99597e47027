Feature: Backchannels do not interrupt the agent
  While the agent speaks, listeners say "mhm", "yeah" or "okay" to show they follow.
  Those turns are dropped: the agent keeps talking and they never reach the LLM.

  Scenario: "Mhm" in the middle of an answer is ignored
    Given the recorded session "fixtures/backchannel-while-speaking"
    When it is replayed
    Then "Mhm." is ignored as backchannel only
    And no interruption is accepted
    And the agent keeps talking to the end of its reply
    And the agent answers 1 user turn
