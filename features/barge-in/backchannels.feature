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

  Scenario: "Uh-huh" while the agent answers is dropped and the agent keeps talking
    Given the conversation:
      | at    | who   | says                                                           |
      | 0.5 s | user  | When does the museum open on Sundays?                          |
      |       | agent | On Sundays the museum opens at ten and closes at five.         |
      | 3.5 s | user  | Uh-huh.                                                        |
    And the LLM's first token comes after 400 ms
    Then the agent is not interrupted by "Uh-huh."
    And "Uh-huh." is dropped as backchannel only

  Scenario: Two backchannel words in a row are still a backchannel
    Given the conversation:
      | at    | who   | says                                                                                           |
      | 0.5 s | user  | How do I get to the station?                                                                    |
      |       | agent | Walk down the main street for ten minutes, then turn left at the bakery and cross the old bridge. |
      | 5.5 s | user  | Yeah, okay.                                                                                     |
    Then "Yeah, okay." is dropped as backchannel only
    And no interruption is accepted
    And the agent answers 1 user turn

  Scenario: A team's own backchannel words
    Given the conversation:
      | at    | who   | says                                                                                             |
      | 0.5 s | user  | Can you book a table for two tonight?                                                             |
      |       | agent | I can book a table for two at eight tonight, by the window, and I will send you the confirmation. |
      | 5.5 s | user  | Sure.                                                                                             |
    And the backchannel words are "mhm", "right" and "sure"
    Then "Sure." is dropped as backchannel only
    And the agent keeps talking to the end of its reply

  Scenario: A backchannel just after the agent finished falls in the grace window
    Given the conversation:
      | at    | who   | says                        |
      | 0.5 s | user  | Is the pool open today?     |
      |       | agent | Yes, until eight tonight.   |
      | 5.5 s | user  | Okay.                       |
    And the grace window is 4 s
    Then "Okay." is dropped as backchannel only
    And the agent answers 1 user turn
