@echo
Feature: The agent does not interrupt itself when the microphone hears its own voice
  On open speakers the microphone hears the agent. A turn whose words match what the agent was
  playing at that moment is its own echo, not a barge-in: the echo guard compares the transcript's
  words and times with the reply's text placed along its playback. A user who says something
  different still interrupts at once. The guard is on by default and off in half-duplex mode.

  Here the agent starts its answer at 3.43 s; "the museum opens at ten" comes out of the speaker
  from 4.13 s to 5.6 s, "in the morning" from 5.67 s, "and closes" at 6.64 s and "closes at five"
  from 6.89 s to 7.8 s.

  Scenario: The agent's own words heard back are ignored as echo
    Given the conversation:
      | at     | who   | says                                                                               | for   | label  |
      | 0.5 s  | user  | When does the museum open on Sundays?                                              |       |        |
      |        | agent | On Sundays the museum opens at ten in the morning and closes at five in the evening. |     |        |
      | 4.25 s | user  | the museum opens at ten                                                            | 1.3 s | ignore |
    Then "the museum opens at ten" is ignored as echo
    And no interruption is accepted
    And the agent keeps talking to the end of its reply
    And the agent answers 1 user turn
    And every labelled line is decided as labelled

  Scenario: "Wait, stop" said over the echo still interrupts at once
    Given the conversation:
      | at     | who   | says                                                                               | for   | label     |
      | 0.5 s  | user  | When does the museum open on Sundays?                                              |       |           |
      |        | agent | On Sundays the museum opens at ten in the morning and closes at five in the evening. |     |           |
      |        | agent | Sorry, I will stop.                                                                |       |           |
      | 4.25 s | user  | the museum opens at ten                                                            | 1.3 s | ignore    |
      | 6.65 s | user  | And closes, wait, stop.                                                            | 1 s   | interrupt |
    Then "the museum opens at ten" is ignored as echo
    And "And closes, wait, stop." interrupts the agent as always interrupt word
    And the agent stops speaking within 300 ms after "And closes, wait, stop."
    And the agent only remembers what the user heard
    And "And closes, wait, stop." is sent to the LLM
    And every labelled line is decided as labelled

  Scenario: A user who repeats the agent's words and questions them still interrupts
    Given the conversation:
      | at     | who   | says                                                                               | for    | label     |
      | 0.5 s  | user  | When does the museum open on Sundays?                                              |        |           |
      |        | agent | On Sundays the museum opens at ten in the morning and closes at five in the evening. |      |           |
      |        | agent | Yes, at five.                                                                      |        |           |
      | 5.75 s | user  | in the morning                                                                     | 750 ms | ignore    |
      | 7 s    | user  | Closes at five, are you sure?                                                      | 1.5 s  | interrupt |
    Then "in the morning" is ignored as echo
    And the reply is cancelled when the final turn arrives
    And "Closes at five, are you sure?" is sent to the LLM
    And the agent only remembers what the user heard
    And every labelled line is decided as labelled

  Scenario: With the echo guard off, the agent stops for its own voice
    Given the conversation:
      | at     | who   | says                                                                               | for   | label  |
      | 0.5 s  | user  | When does the museum open on Sundays?                                              |       |        |
      |        | agent | On Sundays the museum opens at ten in the morning and closes at five in the evening. |     |        |
      |        | agent | Sorry?                                                                             |       |        |
      | 4.25 s | user  | the museum opens at ten                                                            | 1.3 s | ignore |
    And the echo guard is off
    Then "the museum opens at ten" interrupts the agent as substantive
    And "the museum opens at ten" is sent to the LLM
    And the agent answers 2 user turns
