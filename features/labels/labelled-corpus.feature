Feature: Every bundled fixture's turns are decided as their labels say
  Each fixture labels its user turns: should interrupt the agent, should not (a backchannel or
  filler), or an ordinary turn. Replaying the corpus under a policy and comparing each decision
  with its label gives the policy's false and missed interruptions.

  Scenario: Turntable's default policy decides every labelled turn of the corpus as labelled
    Given the labelled fixtures in "fixtures"
    When they are evaluated under Turntable's default policy
    Then every labelled turn is decided as labelled
    And the false interruption rate is 0 of 8

  Scenario: The barge-in guide's own policy misses a bare "yes" and a bare "no"
    Given the labelled fixtures in "fixtures"
    When they are evaluated under the barge-in guide's policy
    Then "Yes." in "bare-yes-while-speaking" is a missed interruption
    And "No." in "bare-no-while-speaking" is a missed interruption
    And "Wait, stop." in "barge-in-wait-stop" is a correct decision
    And "Mhm." in "backchannel-while-speaking" is a correct decision
