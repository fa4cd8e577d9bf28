package io.aitrader.agent;

import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

import io.aitrader.trading.Trade;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;

/**
 * The day's summary written by the model in one extra call without tools. It always names the trades: when the
 * model's text misses a traded symbol the deterministic {@link TradeSummary} is appended, and when the call fails the
 * deterministic summary is used alone.
 */
final class DaySummary {

    static final int MAX_CHARS = 600;
    static final int MAX_NOTES = 2000;
    static final String INSTRUCTION = "You write short, factual summaries of a trading agent's day.";

    private DaySummary() {
    }

    /** The summary; a replay whose summary request left its recording fails the day like any other step. */
    static String byModel(ModelCaller caller, TradingSession session, List<String> notes, Conversation record,
            BooleanSupplier stop) throws ReplayDivergedException {
        List<Trade> trades = session.ledger().trades();
        String fallback = TradeSummary.of(trades);
        String question = question(session, fallback, notes);
        try {
            ChatResponse response = AgentLoop.call(caller, session, ChatRequest.builder()
                    .messages(List.of(SystemMessage.from(INSTRUCTION), UserMessage.from(question))).build(), stop);
            AiMessage answer = response == null ? null : response.aiMessage();
            String text = answer == null || answer.text() == null ? "" : clean(answer.text());
            record.user(question);
            record.assistant(answer == null ? null : answer.text(),
                    response == null ? null : AgentLoop.counted(session, response));
            if (text.isEmpty()) {
                return fallback;
            }
            boolean namesAll = trades.stream().allMatch(t -> text.toUpperCase(Locale.ROOT).contains(t.symbol()));
            return namesAll ? text : text + " Trades: " + fallback + ".";
        } catch (ReplayDivergedException e) {
            throw e;
        } catch (TraderException | RuntimeException e) {
            return fallback;
        }
    }

    private static String question(TradingSession session, String trades, List<String> notes) {
        StringBuilder text = new StringBuilder(512).append("Date: ").append(session.date()).append('\n')
                .append("Trades made today: ").append(trades).append('\n').append("End-of-day positions: ")
                .append(ToolJson.write(ToolJson.positions(session.ledger().current()))).append('\n')
                .append("The agent's notes during the day:\n");
        int budget = MAX_NOTES;
        for (String note : notes) {
            if (note == null || note.isBlank() || budget <= 0) {
                continue;
            }
            String line = ToolJson.quote(note.replace(SystemPrompt.FINISH_SIGNAL, "").strip(), budget);
            text.append("- ").append(line).append('\n');
            budget -= line.length();
        }
        return text.append("Summarise the day in 1-3 sentences. Name every trade made (buy or sell, shares, ")
                .append("symbol), or say that no trades were made.").toString();
    }

    private static String clean(String text) {
        String flat = text.replace(SystemPrompt.FINISH_SIGNAL, "").replaceAll("\\s+", " ").trim();
        return flat.length() <= MAX_CHARS ? flat : flat.substring(0, MAX_CHARS) + "...";
    }
}
