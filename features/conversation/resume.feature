Feature: After a false interruption the agent goes on where it stopped
  A partial transcript that passes the interruption policy only pauses the agent: playback stops
  and the rest of the reply is kept. The final turn decides. If it passes too, the interruption is
  committed: the reply is cancelled and the history keeps only what was heard. If it is dropped, or
  no transcript follows in time, the agent resumes where it stopped — not from the start of its
  sentence, and without dropping the rest.

  Here the agent answers from 3.43 s to 8.89 s, saying "the museum opens" from 4.13 s to 5.2 s.
  The microphone hears it back as "The music, um, opens.": the partial "The music, um," has two
  words the agent did not say, so it passes; the final shows they were inside the agent's own
  words, a mishearing of its echo.

  @echo
  Scenario: A misheard echo pauses the agent, which then resumes where it stopped
    Given the conversation:
      | at     | who   | says                                                                               | for | label  |
      | 0.5 s  | user  | When does the museum open on Sundays?                                              |     |        |
      |        | agent | On Sundays the museum opens at ten in the morning and closes at five in the evening. |   |        |
      | 4.25 s | user  | The music, um, opens.                                                              | 1 s | ignore |
    Then the agent pauses when it hears "The music, um,"
    And the agent resumes because the final turn was dropped as echo
    And the agent resumes where it stopped
    And the pause costs the user at most 500 ms
    And "The music, um, opens." is not sent to the LLM
    And the agent answers 1 user turn

  @echo
  Scenario: A paused agent resumes when no transcript follows in time
    Given the conversation:
      | at     | who   | says                                                                               | for | label  |
      | 0.5 s  | user  | When does the museum open on Sundays?                                              |     |        |
      |        | agent | On Sundays the museum opens at ten in the morning and closes at five in the evening. |   |        |
      | 4.25 s | user  | The music, um, opens.                                                              | 1 s | ignore |
    And a paused agent resumes after 200 ms without a transcript
    Then the agent pauses when it hears "The music, um,"
    And the agent resumes because no transcript followed
    And the agent resumes where it stopped
    And the pause costs the user at most 250 ms
    And the agent answers 1 user turn

  Scenario: A real interruption is committed by its final turn
    Given the conversation:
      | at     | who   | says                                                                               | for   |
      | 0.5 s  | user  | When does the museum open on Sundays?                                              |       |
      |        | agent | On Sundays the museum opens at ten in the morning and closes at five in the evening. |     |
      |        | agent | On Saturdays it opens at nine.                                                     |       |
      | 5.3 s  | user  | Sorry, what about Saturdays?                                                       | 1.2 s |
    Then the agent pauses when it hears "Sorry, what"
    And the reply is cancelled when the final turn arrives
    And the agent does not resume
    And the agent only remembers what the user heard
    And "Sorry, what about Saturdays?" is sent to the LLM
    And the agent answers 2 user turns

  @echo
  Scenario: Without resuming, the misheard echo cancels the reply at its first partial
    Given the conversation:
      | at     | who   | says                                                                               | for | label  |
      | 0.5 s  | user  | When does the museum open on Sundays?                                              |     |        |
      |        | agent | On Sundays the museum opens at ten in the morning and closes at five in the evening. |   |        |
      |        | agent | Sorry?                                                                             |     |        |
      | 4.25 s | user  | The music, um, opens.                                                              | 1 s | ignore |
    And the agent does not resume after a false interruption
    Then the reply is cancelled at the first partial
    And the agent does not resume
    And the agent only remembers what the user heard
    And "The music, um, opens." is sent to the LLM
