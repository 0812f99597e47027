Feature: The grace window is judged on the audio axis
  Whether a turn was said while the agent was audible, or within the grace window after its audio
  ended, is decided from when its first word was spoken, against the last sample the speaker
  played — not from when the transcript arrived, which the STT sends only after the user's silence.

  Scenario: "Mm-hmm, okay." said 0.4 s after the agent stops is a backchannel, although its transcript comes later
    Given the conversation:
      | at     | who   | says                      |
      | 0.5 s  | user  | Is the pool open today?   |
      |        | agent | Yes, until eight tonight. |
      | 4.5 s  | user  | Mm-hmm, okay.             |
      |        | agent | Good.                     |
    Then "Mm-hmm, okay." begins 400 ms after the agent's audio ended
    And the transcript of "Mm-hmm, okay." arrives more than 1 s after the agent's audio ended
    And "Mm-hmm, okay." is dropped as backchannel only
    And "Mm-hmm, okay." is not sent to the LLM
    And the agent answers 1 user turn

  Scenario: "Mm-hmm, okay." said 1.3 s after the agent stops is a new turn
    Given the conversation:
      | at     | who   | says                      |
      | 0.5 s  | user  | Is the pool open today?   |
      |        | agent | Yes, until eight tonight. |
      | 5.4 s  | user  | Mm-hmm, okay.             |
      |        | agent | Good.                     |
    Then "Mm-hmm, okay." begins 1.3 s after the agent's audio ended
    And "Mm-hmm, okay." is sent to the LLM
    And the agent answers 2 user turns

  Scenario: A wider grace window takes in the later "Mm-hmm, okay." too
    Given the conversation:
      | at     | who   | says                      |
      | 0.5 s  | user  | Is the pool open today?   |
      |        | agent | Yes, until eight tonight. |
      | 5.4 s  | user  | Mm-hmm, okay.             |
      |        | agent | Good.                     |
    And the grace window is 1.5 s
    Then "Mm-hmm, okay." is dropped as backchannel only
    And the agent answers 1 user turn
