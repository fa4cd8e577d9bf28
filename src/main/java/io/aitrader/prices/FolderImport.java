package io.aitrader.prices;

import java.util.List;

/** What a scan of a price folder did: files imported, files skipped (content imported before), files refused. */
public record FolderImport(List<ImportReport> imported, List<String> skipped, List<String> failed) {
}
