Feature: Turns end when the STT's turn detection says so
  u3-rt-pro ends a turn min_turn_silence after a finished sentence and max_turn_silence after
  speech that trails off. The presets set both; a team can set them outright.

  Scenario: The fast preset ends a finished sentence quickly
    Given the conversation:
      | at    | who   | says                              |
      | 0.5 s | user  | Book me a taxi to the station.    |
      |       | agent | Your taxi will be there in five minutes. |
    And the fast turn preset
    Then every turn ends between min_turn_silence and max_turn_silence after its last word
    And the reply to "Book me a taxi to the station." starts within 1.5 s of the end of the user's speech

  Scenario: Speech that trails off waits for max_turn_silence
    Given the conversation:
      | at    | who   | says                                  |
      | 0.5 s | user  | I would like to book a table for       |
      |       | agent | For how many people?                   |
    And turns end after 200 ms of silence at the least and 1.5 s at the most
    Then the turn "I would like to book a table for" ends between min_turn_silence and max_turn_silence after its last word
    And the reply to "I would like to book a table for" starts within 2.5 s of the end of the user's speech

  Scenario: The patient preset still answers every turn
    Given the conversation:
      | at    | who   | says                                 |
      | 0.5 s | user  | What time is it in Tokyo?            |
      |       | agent | It is just after nine in the evening. |
      | 6 s   | user  | And in New York?                     |
      |       | agent | It is just after seven in the morning. |
    And the patient turn preset
    Then every turn ends between min_turn_silence and max_turn_silence after its last word
    And the agent answers 2 user turns
