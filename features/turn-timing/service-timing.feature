Feature: Reply latency follows the services' timing
  Response latency runs from the user's last word to the first agent audio at the speaker. It is
  the STT's silence, the LLM's first token, the first speakable segment and the TTS's first audio.

  Scenario: Default service timing answers within a second and a half
    Given the conversation:
      | at    | who   | says                                   |
      | 0.5 s | user  | Where is the nearest pharmacy?         |
      |       | agent | There is one on Bridge Street, two minutes away. |
      | 6 s   | user  | Is it open now?                        |
      |       | agent | Yes, it is open until ten.             |
    Then every answer starts within 1.5 s of the end of the user's speech
    And the agent answers 2 user turns

  Scenario: A slow LLM delays the reply by its first token
    Given the conversation:
      | at    | who   | says                                  |
      | 0.5 s | user  | Can you summarise my day?             |
      |       | agent | You have two meetings and a dentist appointment at four. |
    And the LLM's first token comes after 1.2 s
    And the LLM streams 20 tokens per second
    Then the reply to "Can you summarise my day?" starts within 3 s of the end of the user's speech
    And "Can you summarise my day?" is sent to the LLM

  Scenario: A slow TTS delays the first audio
    Given the conversation:
      | at    | who   | says                         |
      | 0.5 s | user  | Read me the news.            |
      |       | agent | Here are today's headlines.  |
    And the TTS's first audio comes after 800 ms
    Then every answer starts within 2.5 s of the end of the user's speech
