package io.aitrader.agent;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;

/** A fake LLM that answers a fixed list of messages in order and keeps every request it received. */
final class ScriptedChatModel implements ChatModel {

    private final Deque<AiMessage> answers;
    private final AiMessage repeat;
    final List<ChatRequest> requests = new ArrayList<>();

    private ScriptedChatModel(List<AiMessage> answers, AiMessage repeat) {
        this.answers = new ArrayDeque<>(answers);
        this.repeat = repeat;
    }

    static ScriptedChatModel answering(AiMessage... answers) {
        return new ScriptedChatModel(List.of(answers), null);
    }

    static ScriptedChatModel always(AiMessage answer) {
        return new ScriptedChatModel(List.of(), answer);
    }

    static ToolExecutionRequest call(String id, String name, String arguments) {
        return ToolExecutionRequest.builder().id(id).name(name).arguments(arguments).build();
    }

    static AiMessage calls(ToolExecutionRequest... calls) {
        return AiMessage.from(List.of(calls));
    }

    static AiMessage finish() {
        return AiMessage.from("Done for today. " + SystemPrompt.FINISH_SIGNAL);
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        requests.add(request);
        AiMessage answer = answers.isEmpty() ? repeat : answers.poll();
        if (answer == null) {
            throw new IllegalStateException("the script has no answer left");
        }
        return ChatResponse.builder().aiMessage(answer).tokenUsage(new TokenUsage(100 + requests.size(), 20)).build();
    }
}
