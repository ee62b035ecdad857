package io.gradsweep.driver.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real Chromium, headless, driven over the Chrome DevTools Protocol: opens a page, reports
 * console errors, uncaught exceptions and failed loads, runs JavaScript, takes screenshots.
 * Every wait is bounded; {@link #close()} kills the whole browser process tree.
 *
 * <p>Without a chromium binary {@link #start} fails with how to install one. Locally, and only
 * then, {@code -Dgradsweep.skipBrowserTests=true} turns that into a skipped test (see
 * {@link #requireBrowserOrSkip()}); CI installs chromium (.ci/run) and must never skip.
 */
public final class HeadlessChromium implements AutoCloseable {

    static final String SKIP_PROPERTY = "gradsweep.skipBrowserTests";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger nextId = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<JsonNode>> awaitedEvents = new ConcurrentHashMap<>();
    private final List<String> errors = new CopyOnWriteArrayList<>();

    private HeadlessChromium(Process process, Path profile, WebSocket socket) {
        this.process = process;
        this.profile = profile;
        this.socket = socket;
    }

    /** The chromium binary: -Dgradsweep.chromium, else chromium or chromium-browser on the PATH; null if none. */
    static Path findExecutable() {
        String configured = System.getProperty("gradsweep.chromium");
        if (configured != null) {
            return Files.isExecutable(Path.of(configured)) ? Path.of(configured) : null;
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser")) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }

    /** Fails, or with -Dgradsweep.skipBrowserTests=true aborts (skips) the test, when there is no browser. */
    public static void requireBrowserOrSkip() {
        if (findExecutable() != null) {
            return;
        }
        String message = "no chromium on the PATH: install it (Debian: apt-get install -y chromium; .ci/run does)"
            + " or point -Dgradsweep.chromium at one";
        if (Boolean.getBoolean(SKIP_PROPERTY)) {
            org.junit.jupiter.api.Assumptions.abort(message + "; skipped because -D" + SKIP_PROPERTY + "=true");
        }
        throw new AssertionError(message + ". To skip the browser tests locally: -D" + SKIP_PROPERTY + "=true");
    }

    /** Starts a browser with a fresh profile under {@code workDir} and attaches to its page. */
    public static HeadlessChromium start(Path workDir) throws Exception {
        requireBrowserOrSkip();
        Files.createDirectories(workDir);
        Path profile = Files.createTempDirectory(workDir, "chromium-profile-");
        List<String> command = List.of(findExecutable().toString(),
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--mute-audio",
            "--hide-scrollbars", "--window-size=1280,900",
            "--remote-debugging-port=0", "--user-data-dir=" + profile, "about:blank");
        // output to a file: a full pipe would block the browser, and the log helps when it fails
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(profile.resolveSibling(profile.getFileName() + ".log").toFile()).start();
        try {
            int port = readPort(profile, process);
            URI pageSocket = pageWebSocket(port);
            Listener listener = new Listener();
            WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .connectTimeout(CALL_TIMEOUT).buildAsync(pageSocket, listener)
                .get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            HeadlessChromium browser = new HeadlessChromium(process, profile, socket);
            listener.browser = browser;
            browser.call("Runtime.enable", null);
            browser.call("Log.enable", null);
            browser.call("Page.enable", null);
            return browser;
        } catch (Exception | Error e) {
            killTree(process);
            throw e;
        }
    }

    /** Opens {@code file} and waits for its load event; errors from earlier pages are forgotten. */
    public void open(Path file) throws Exception {
        errors.clear();
        CompletableFuture<JsonNode> loaded = new CompletableFuture<>();
        awaitedEvents.put("Page.loadEventFired", loaded);
        JsonNode result = call("Page.navigate", JSON.createObjectNode().put("url", file.toUri().toString()));
        if (result.hasNonNull("errorText")) {
            throw new IOException("navigation to " + file + " failed: " + result.get("errorText").asText());
        }
        loaded.get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    /** Console errors, uncaught exceptions and error log entries (failed loads) since the page opened. */
    public List<String> errors() {
        return List.copyOf(errors);
    }

    /** Evaluates a JavaScript expression in the page; returns its value as JSON (promises awaited). */
    public JsonNode evaluate(String expression) throws Exception {
        JsonNode result = call("Runtime.evaluate", JSON.createObjectNode()
            .put("expression", expression).put("returnByValue", true).put("awaitPromise", true));
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException("JavaScript failed: " + result.get("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /** Every {@code <img>} that did not load and decode: its alt text and the start of its src. */
    public List<String> brokenImages() throws Exception {
        JsonNode broken = evaluate("Array.from(document.images)"
            + ".filter(i => !i.complete || i.naturalWidth === 0)"
            + ".map(i => 'alt=' + i.alt + ' src=' + i.src.substring(0, 40))");
        List<String> out = new ArrayList<>();
        broken.forEach(n -> out.add(n.asText()));
        return out;
    }

    public int imageCount() throws Exception {
        return evaluate("document.images.length").asInt();
    }

    public boolean hasElementWithId(String id) throws Exception {
        return evaluate("document.getElementById(" + JSON.writeValueAsString(id) + ") !== null").asBoolean();
    }

    /** Lays the page out as in a window {@code width} x {@code height} CSS pixels (before or after opening it). */
    public void setViewport(int width, int height) throws Exception {
        call("Emulation.setDeviceMetricsOverride", JSON.createObjectNode().put("width", width).put("height", height)
            .put("deviceScaleFactor", 1).put("mobile", false));
    }

    /**
     * Every table that does not fit the width it is given: each {@code .table-wrap} (the scrolling
     * box a report table sits in) whose content is wider than the box, as "id: content width > box
     * width", and the page itself when it is wider than the window.
     */
    public List<String> overflowingTables() throws Exception {
        JsonNode wide = evaluate("(() => { const out = Array.from(document.querySelectorAll('.table-wrap'))"
            + ".filter(w => w.scrollWidth > w.clientWidth + 1)"
            + ".map(w => (w.querySelector('table') || {}).id + ': ' + w.scrollWidth + ' > ' + w.clientWidth);"
            + " const page = document.documentElement;"
            + " if (page.scrollWidth > window.innerWidth + 1) out.push('the page: ' + page.scrollWidth + ' > ' + window.innerWidth);"
            + " return out; })()");
        List<String> out = new ArrayList<>();
        wide.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** Saves a PNG screenshot of the whole page (not just the window) to {@code file}. */
    public void screenshot(Path file) throws Exception {
        JsonNode size = call("Page.getLayoutMetrics", null).path("cssContentSize");
        ObjectNode clip = JSON.createObjectNode().put("x", 0).put("y", 0)
            .put("width", Math.ceil(size.path("width").asDouble(1280)))
            .put("height", Math.ceil(size.path("height").asDouble(900))).put("scale", 1);
        ObjectNode params = JSON.createObjectNode().put("format", "png").put("captureBeyondViewport", true);
        params.set("clip", clip);
        JsonNode shot = call("Page.captureScreenshot", params);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, Base64.getDecoder().decode(shot.get("data").asText()));
    }

    @Override
    public void close() {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(2, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // the browser is killed next in any case
        }
        killTree(process);
        deleteQuietly(profile);
    }

    private JsonNode call(String method, ObjectNode params) throws Exception {
        int id = nextId.incrementAndGet();
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        if (params != null) {
            message.set("params", params);
        }
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        socket.sendText(JSON.writeValueAsString(message), true).get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        JsonNode answer = reply.get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (answer.has("error")) {
            throw new IllegalStateException(method + " failed: " + answer.get("error"));
        }
        return answer.path("result");
    }

    private void onMessage(JsonNode message) {
        if (message.has("id")) {
            CompletableFuture<JsonNode> reply = pending.remove(message.get("id").asInt());
            if (reply != null) {
                reply.complete(message);
            }
            return;
        }
        String method = message.path("method").asText();
        JsonNode params = message.path("params");
        switch (method) {
            case "Runtime.consoleAPICalled" -> {
                if ("error".equals(params.path("type").asText()) || "assert".equals(params.path("type").asText())) {
                    List<String> args = new ArrayList<>();
                    params.path("args").forEach(a -> args.add(a.has("value") ? a.get("value").asText() : a.path("description").asText()));
                    errors.add("console.error: " + String.join(" ", args));
                }
            }
            case "Runtime.exceptionThrown" -> {
                JsonNode details = params.path("exceptionDetails");
                errors.add("uncaught exception: " + details.path("exception").path("description").asText(details.path("text").asText()));
            }
            case "Log.entryAdded" -> {
                JsonNode entry = params.path("entry");
                if ("error".equals(entry.path("level").asText())) {
                    errors.add("log (" + entry.path("source").asText() + "): " + entry.path("text").asText()
                        + (entry.has("url") ? " " + entry.get("url").asText() : ""));
                }
            }
            default -> {
                CompletableFuture<JsonNode> waiter = awaitedEvents.remove(method);
                if (waiter != null) {
                    waiter.complete(params);
                }
            }
        }
    }

    private static int readPort(Path profile, Process process) throws Exception {
        Path portFile = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("chromium exited with " + process.exitValue() + " before it listened; see "
                    + profile.getFileName() + ".log next to " + profile);
            }
            if (Files.exists(portFile)) {
                List<String> lines = Files.readAllLines(portFile); // port, then the browser's socket path
                if (!lines.isEmpty() && lines.get(0).strip().matches("\\d+")) {
                    return Integer.parseInt(lines.get(0).strip());
                }
            }
            Thread.sleep(50);
        }
        throw new IOException("chromium wrote no " + portFile + " within " + START_TIMEOUT.toSeconds() + " s");
    }

    /** The page target's socket, from the list of targets the browser serves over HTTP. */
    private static URI pageWebSocket(int port) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(CALL_TIMEOUT).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
            .timeout(CALL_TIMEOUT).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode targets = JSON.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
            for (JsonNode target : targets) {
                if ("page".equals(target.path("type").asText()) && target.hasNonNull("webSocketDebuggerUrl")) {
                    return URI.create(target.get("webSocketDebuggerUrl").asText());
                }
            }
            Thread.sleep(100);
        }
        throw new IOException("chromium on port " + port + " offers no page target");
    }

    /** Kills the browser and every process it started (zygote, renderers, GPU), children first. */
    private static void killTree(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        descendants.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (ProcessHandle child : descendants) { // no browser outlives the test run
            try {
                child.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                child.destroyForcibly();
            }
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a profile left in target/ is harmless; mvn clean removes it
        }
    }

    /** Joins message fragments and hands whole messages to the browser object. */
    private static final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();
        private volatile HeadlessChromium browser;

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    if (browser != null) {
                        browser.onMessage(JSON.readTree(text));
                    }
                } catch (IOException e) {
                    throw new IllegalStateException("unreadable DevTools message: " + text, e);
                }
            }
            webSocket.request(1);
            return null;
        }
    }
}
