Feature: The agent answers promptly and the same way every time
  Response latency runs from the user's last word to the first agent audio at the speaker.

  Scenario Outline: <session> replays with the decisions it was recorded with
    Given the recorded session "fixtures/<session>"
    When it is replayed
    Then the agent decides as it did when recorded
    And every answer starts within 2.5 s of the end of the user's speech
    And the agent itself adds at most 50 ms to any answer

    Examples:
      | session                    |
      | question-answer            |
      | backchannel-while-speaking |
      | barge-in-wait-stop         |
