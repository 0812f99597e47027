Feature: Conversations written as a script
  The same JSON format that `turntable synthesize` reads (fixtures/*/conversation.json), written
  in a doc string, with the service settings it may carry.

  Scenario: A two-question conversation from a script
    Given the conversation script:
      """json
      {"description": "two questions in a row",
       "user": [{"text": "What is the capital of France?", "at_ms": 500},
                {"text": "And of Italy?", "at_ms": 6500}],
       "agent": ["The capital of France is Paris.", "The capital of Italy is Rome."],
       "timing": {"llm_first_token_ms": 250, "llm_tokens_per_second": 50, "tts_first_byte_ms": 120}}
      """
    Then "What is the capital of France?" is sent to the LLM
    And "And of Italy?" is sent to the LLM
    And the agent answers 2 user turns
    And every answer starts within 1.5 s of the end of the user's speech

  Scenario: A script that sets its own barge-in policy
    Given the conversation script:
      """json
      {"user": [{"text": "Tell me a long story about dragons.", "at_ms": 500},
                {"text": "Cool.", "at_ms": 6000, "duration_ms": 400}],
       "agent": ["Once upon a time a small dragon lived in a cave above a village, and every night it counted the stars."],
       "policy": {"backchannels": ["cool", "nice"]}}
      """
    Then "Cool." is dropped as backchannel only
    And the agent keeps talking to the end of its reply
