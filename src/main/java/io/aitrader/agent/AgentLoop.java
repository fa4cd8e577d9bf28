package io.aitrader.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import io.aitrader.cost.Tokens;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;

/**
 * The LLM trader: asks the model, runs the tools it calls, and repeats until it answers with the finish signal or
 * {@code max_steps} model calls were made.
 */
public final class AgentLoop implements Trader {

    private static final BooleanSupplier NEVER = () -> false;

    private final ModelCaller caller;
    private final InformationSearch search;
    private final NewsSource news;
    private final boolean modelSummary;
    private final ToolMeters toolMeters;
    private final CallTape tape;
    private final RecordedAnswers answers;

    public AgentLoop(ChatModel model) {
        this(ModelCaller.of(model, null));
    }

    /** A loop without web search whose summary is the deterministic one (the mock's: no extra call). */
    public AgentLoop(ModelCaller caller) {
        this(caller, null, false);
    }

    /** {@code search} may be null; {@code modelSummary} asks the model for the day's summary at the end. */
    public AgentLoop(ModelCaller caller, InformationSearch search, boolean modelSummary) {
        this(caller, search, modelSummary, AgentMetrics.NONE.tools());
    }

    /** As above, counting tool calls in {@code toolMeters}. */
    public AgentLoop(ModelCaller caller, InformationSearch search, boolean modelSummary, ToolMeters toolMeters) {
        this(caller, search, modelSummary, toolMeters, null);
    }

    /** As above; {@code tape} (may be null: no provider) records the provider exchanges into the day's usage. */
    public AgentLoop(ModelCaller caller, InformationSearch search, boolean modelSummary, ToolMeters toolMeters,
            CallTape tape) {
        this(caller, search, modelSummary, toolMeters, tape, null);
    }

    /** As above; {@code answers} (may be null) answers calls from a replay's recordings or the response cache. */
    public AgentLoop(ModelCaller caller, InformationSearch search, boolean modelSummary, ToolMeters toolMeters,
            CallTape tape, RecordedAnswers answers) {
        this(caller, search, null, modelSummary, toolMeters, tape, answers);
    }

    /** As above; {@code news} (may be null) is the source of the get_news tool. */
    public AgentLoop(ModelCaller caller, InformationSearch search, NewsSource news, boolean modelSummary,
            ToolMeters toolMeters, CallTape tape, RecordedAnswers answers) {
        this.news = news;
        this.answers = answers;
        this.tape = tape;
        this.caller = caller;
        this.search = search;
        this.modelSummary = modelSummary;
        this.toolMeters = toolMeters;
    }

    @Override
    public DayTranscript tradeDay(TradingSession session) throws TraderException {
        if (tape == null) {
            return trade(session);
        }
        if (answers != null) {
            answers.prepare(session.model().signature(), session.date(), session.usage().recording());
        }
        tape.begin(session.usage().recording());
        try {
            return trade(session);
        } finally {
            tape.end();
        }
    }

    private DayTranscript trade(TradingSession session) throws TraderException {
        TradingTools tools = new TradingTools(session, search, news, toolMeters);
        BooleanSupplier stop = session.cancelled() == null ? NEVER : session.cancelled();
        Conversation record = new Conversation();
        List<String> notes = new ArrayList<>();
        List<ChatMessage> chat = new ArrayList<>();
        String system = SystemPrompt.build(session);
        String first = SystemPrompt.firstUserMessage(session);
        chat.add(SystemMessage.from(system));
        chat.add(UserMessage.from(first));
        record.system(system);
        record.user(first);

        int steps = 0;
        boolean finished = false;
        while (!finished && steps < session.settings().maxSteps()) {
            if (stop.getAsBoolean()) {
                throw new TraderCancelledException();
            }
            steps++;
            ChatResponse response = ask(session, chat, tools, stop);
            AiMessage answer = response.aiMessage();
            chat.add(answer);
            notes.add(answer.text());
            record.assistant(answer.text(), counted(session, response));
            finished = answer.text() != null && answer.text().contains(SystemPrompt.FINISH_SIGNAL);
            if (answer.hasToolExecutionRequests()) {
                for (ToolExecutionRequest call : answer.toolExecutionRequests()) {
                    String result = tools.execute(call.name(), call.arguments());
                    chat.add(ToolExecutionResultMessage.from(call, result));
                    record.tool(call.name(), call.arguments(), result);
                }
            } else if (!finished) {
                chat.add(UserMessage.from(SystemPrompt.NUDGE));
                record.user(SystemPrompt.NUDGE);
            }
        }
        String summary = modelSummary && !stop.getAsBoolean()
                ? DaySummary.byModel(caller, session, notes, record, stop)
                : TradeSummary.of(session.ledger().trades());
        return new DayTranscript(steps, finished, summary, record.messages(), record.toolUsage());
    }

    /** Adds the call's tokens to the day's usage and returns them (null: not reported). */
    static Tokens counted(TradingSession session, ChatResponse response) {
        Tokens tokens = ReportedTokens.of(response.tokenUsage());
        if (session.usage().recording().stepServed()) {
            session.usage().served(); // a replay or the cache answered: nothing was spent
        } else {
            session.usage().add(tokens);
        }
        return tokens;
    }

    /** One model call of the day: numbered for the recording, its answer's tokens not yet counted. */
    static ChatResponse call(ModelCaller caller, TradingSession session, ChatRequest request, BooleanSupplier stop)
            throws TraderException {
        session.usage().recording().nextStep();
        return caller.call(request, stop);
    }

    private ChatResponse ask(TradingSession session, List<ChatMessage> chat, TradingTools tools, BooleanSupplier stop)
            throws TraderException {
        ChatRequest request = ChatRequest.builder().messages(List.copyOf(chat))
                .toolSpecifications(tools.specifications()).build();
        ChatResponse response = call(caller, session, request, stop);
        if (response == null || response.aiMessage() == null) {
            throw new TraderException("the model returned no answer");
        }
        return response;
    }
}
