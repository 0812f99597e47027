package dev.turntable.agent.llm;

public record ChatMessage(Role role, String content) {
  public enum Role {
    USER,
    ASSISTANT
  }

  public ChatMessage {
    if (role == null || content == null) {
      throw new IllegalArgumentException("role and content are required");
    }
  }

  public static ChatMessage user(String content) {
    return new ChatMessage(Role.USER, content);
  }

  public static ChatMessage assistant(String content) {
    return new ChatMessage(Role.ASSISTANT, content);
  }
}
