Feature: Our agent keeps talking through backchannels

  Scenario: "Uh-huh" while the agent answers does not interrupt it
    Given the conversation:
      | at    | who   | says                                                                                 |
      | 0.5 s | user  | When does the museum open on Sundays?                                                |
      |       | agent | On Sundays the museum opens at ten in the morning and closes at five, entry is free. |
      | 5.5 s | user  | Uh-huh.                                                                              |
    Then the agent is not interrupted by "Uh-huh."
    And "Uh-huh." is dropped as backchannel only
    And the agent keeps talking to the end of its reply
