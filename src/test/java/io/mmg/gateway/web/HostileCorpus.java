package io.mmg.gateway.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Hostile requests across every endpoint, generated: bodies, headers, query strings, paths, methods, payout files and
 * callbacks, each as raw bytes on the wire (support/RawHttp). Ids in paths are real ones where the endpoint would
 * otherwise stop at "not found" ({@link Fixture}).
 */
final class HostileCorpus {

    /**
     * The request as sent; {@code raw}, when set, is sent instead of method, target, headers and body.
     * {@code framingBroken}: Tomcat cannot trust the connection any more (a malformed chunk) and closes it after the
     * status line, without a body: 400 is all that can be answered.
     */
    record HostileRequest(String name, String method, String target, Map<String, String> headers, byte[] body,
                          byte[] raw, boolean framingBroken) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** What the corpus needs from the running gateway. */
    record Fixture(String apiKey, String adminKey, String paymentId, String batchId, String phone) {
    }

    private static final String UUID_NOBODY = "0b0e7c4a-1111-4111-8111-111111111111";
    private static final String PAYMENT_JSON = "{\"amount\":\"1000\",\"phoneNumber\":\"%s\"}";

    private final Fixture fixture;
    private final List<HostileRequest> requests = new ArrayList<>();

    private HostileCorpus(Fixture fixture) {
        this.fixture = fixture;
    }

    static List<HostileRequest> build(Fixture fixture) {
        HostileCorpus corpus = new HostileCorpus(fixture);
        corpus.jsonBodies();
        corpus.headers();
        corpus.queryStrings();
        corpus.paths();
        corpus.payoutFiles();
        corpus.callbacks();
        return List.copyOf(corpus.requests);
    }

    // ---- JSON bodies, on every endpoint that reads one --------------------------------------------------------

    private void jsonBodies() {
        Map<String, byte[]> all = hostileJson();
        String p = fixture.paymentId();
        all.forEach((name, body) -> add("POST /api/v1/collections " + name, "POST", "/api/v1/collections",
                merchantJson(), body));
        Map<String, byte[]> core = core(all);
        Map<String, String> merchant = merchantJson();
        Map<String, String> admin = json(Map.of("Authorization", "Bearer " + fixture.adminKey()));
        List<String[]> others = List.of(
                new String[] {"POST", "/api/v1/disbursements", "merchant"},
                new String[] {"POST", "/api/v1/remittances", "merchant"},
                new String[] {"POST", "/api/v1/payments/" + p + "/refunds", "merchant"},
                new String[] {"POST", "/api/v1/payment-methods", "merchant"},
                new String[] {"PUT", "/api/v1/webhook-endpoint", "merchant"},
                new String[] {"POST", "/api/v1/reconciliation-runs", "merchant"},
                new String[] {"POST", "/api/v1/admin/clients", "admin"},
                new String[] {"POST", "/api/v1/admin/payments/" + p + "/resolution", "admin"},
                new String[] {"POST", "/api/payments/request", "merchant"},
                new String[] {"POST", "/api/payments/mtn-momo", "merchant"},
                new String[] {"POST", "/api/payment/mpesa/", "merchant"},
                new String[] {"POST", "/api/payment/verify/", "merchant"},
                new String[] {"POST", "/api/payment/methods/", "merchant"},
                new String[] {"POST", "/api/payment/transactions/" + p + "/refund/", "merchant"});
        for (String[] endpoint : others) {
            core.forEach((name, body) -> add(endpoint[0] + " " + endpoint[1] + " " + name, endpoint[0], endpoint[1],
                    endpoint[2].equals("admin") ? admin : merchant, body));
        }
    }

    private Map<String, byte[]> hostileJson() {
        String phone = fixture.phone();
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        bodies.put("empty body", new byte[0]);
        bodies.put("JSON null", utf8("null"));
        bodies.put("JSON array", utf8("[]"));
        bodies.put("JSON number", utf8("123"));
        bodies.put("JSON string", utf8("\"text\""));
        bodies.put("unclosed object", utf8("{"));
        bodies.put("trailing brace", utf8("{}}"));
        bodies.put("missing value", utf8("{\"amount\":}"));
        bodies.put("arrays nested 5000 deep", utf8("[".repeat(5000)));
        bodies.put("objects nested 2000 deep", utf8("{\"a\":".repeat(2000) + "1" + "}".repeat(2000)));
        bodies.put("NUL in a metadata key", utf8(payment(phone, ",\"metadata\":{\"k\\u0000\":\"v\"}")));
        bodies.put("NUL in a metadata value", utf8(payment(phone, ",\"metadata\":{\"k\":\"v\\u0000\"}")));
        bodies.put("NUL in a text field", utf8(payment(phone, ",\"externalId\":\"a\\u0000b\"")));
        bodies.put("lone surrogate", utf8(payment(phone, ",\"metadata\":{\"k\":\"\\ud800\"}")));
        bodies.put("raw invalid UTF-8 in a string", concat(utf8("{\"amount\":\"1000\",\"phoneNumber\":\"" + phone
                + "\",\"metadata\":{\"k\":\""), new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0xc3}, utf8("\"}}")));
        bodies.put("UTF-16 with BOM", String.format(PAYMENT_JSON, phone).getBytes(StandardCharsets.UTF_16));
        bodies.put("UTF-16LE without BOM", String.format(PAYMENT_JSON, phone).getBytes(StandardCharsets.UTF_16LE));
        bodies.put("UTF-32", String.format(PAYMENT_JSON, phone).getBytes(Charset.forName("UTF-32")));
        bodies.put("UTF-8 byte order mark", concat(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf},
                utf8(payment("not-a-phone", ""))));
        bodies.put("number beyond double", utf8("{\"amount\":1e999999999,\"phoneNumber\":\"" + phone + "\"}"));
        bodies.put("amount an object", utf8("{\"amount\":{\"value\":1},\"phoneNumber\":\"" + phone + "\"}"));
        bodies.put("amount negative", utf8("{\"amount\":\"-1000\",\"phoneNumber\":\"" + phone + "\"}"));
        bodies.put("amount NaN", utf8("{\"amount\":NaN,\"phoneNumber\":\"" + phone + "\"}"));
        bodies.put("amount 400 digits", utf8("{\"amount\":\"" + "9".repeat(400) + "\",\"phoneNumber\":\"" + phone + "\"}"));
        bodies.put("phone 5000 digits", utf8(payment("2".repeat(5000), "")));
        bodies.put("duplicate keys", utf8("{\"amount\":\"1000\",\"amount\":\"-1\",\"phoneNumber\":\"" + phone + "\"}"));
        bodies.put("1 MB metadata", utf8(payment(phone, ",\"metadata\":{\"k\":\"" + "x".repeat(1 << 20) + "\"}")));
        bodies.put("raw control characters", utf8("{\"amount\":\"1000\",\"phoneNumber\":\"\u0001\u0002\u001f\"}"));
        bodies.put("SQL in fields", utf8(payment("' OR 1=1; DROP TABLE payment; --", ",\"externalId\":\"'; --\"")));
        bodies.put("template and JNDI strings", utf8(payment("${jndi:ldap://x/a}", ",\"payerMessage\":\"#{7*7} ${7*7}\"")));
        bodies.put("right-to-left override", utf8(payment("\u202e256772123456", "")));
        bodies.put("__proto__ field", utf8("{\"__proto__\":{\"admin\":true}}"));
        bodies.put("10000 fields", utf8(manyFields(10_000)));
        bodies.put("random bytes", randomBytes(512, 7));
        bodies.put("XML", utf8("<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>"));
        return bodies;
    }

    private static Map<String, byte[]> core(Map<String, byte[]> all) {
        Map<String, byte[]> core = new LinkedHashMap<>();
        for (String name : List.of("empty body", "JSON array", "arrays nested 5000 deep", "NUL in a metadata key",
                "NUL in a text field", "lone surrogate", "raw invalid UTF-8 in a string", "UTF-16 with BOM",
                "SQL in fields", "random bytes")) {
            core.put(name, all.get(name));
        }
        return core;
    }

    // ---- headers --------------------------------------------------------------------------------------------

    private void headers() {
        byte[] body = utf8(String.format(PAYMENT_JSON, "not-a-phone"));
        String key = fixture.apiKey();
        Map<String, Map<String, String>> variants = new LinkedHashMap<>();
        variants.put("no Authorization", Map.of("Content-Type", "application/json"));
        variants.put("empty Authorization", Map.of("Content-Type", "application/json", "Authorization", ""));
        variants.put("Bearer without key", Map.of("Content-Type", "application/json", "Authorization", "Bearer"));
        variants.put("Basic credentials", Map.of("Content-Type", "application/json", "Authorization", "Basic dXNlcjpwYXNz"));
        variants.put("4000-character key", Map.of("Content-Type", "application/json", "Authorization", "Bearer " + "k".repeat(4000)));
        variants.put("latin-1 byte in key", Map.of("Content-Type", "application/json", "Authorization", "Bearer \u00e9\u00ff"));
        variants.put("lower-case bearer", Map.of("Content-Type", "application/json", "Authorization", "bearer " + key));
        variants.put("text/plain", merchant("text/plain"));
        variants.put("application/xml", merchant("application/xml"));
        variants.put("charset UTF-16 declared", merchant("application/json; charset=UTF-16"));
        variants.put("unknown charset", merchant("application/json; charset=bogus-8"));
        variants.put("multipart without boundary", merchant("multipart/form-data"));
        variants.put("form encoded", merchant("application/x-www-form-urlencoded"));
        variants.put("empty Content-Type", merchant(""));
        variants.put("garbage Content-Type", merchant(";;;=/"));
        variants.put("Idempotency-Key of 300 characters", with(merchant("application/json"), "Idempotency-Key", "k".repeat(300)));
        variants.put("Idempotency-Key of 10000 characters", with(merchant("application/json"), "Idempotency-Key", "k".repeat(10_000)));
        variants.put("Idempotency-Key with spaces", with(merchant("application/json"), "Idempotency-Key", "a b c"));
        variants.put("Idempotency-Key latin-1", with(merchant("application/json"), "Idempotency-Key", "\u00e9t\u00e9"));
        variants.put("Content-Encoding gzip, plain body", with(merchant("application/json"), "Content-Encoding", "gzip"));
        variants.put("Content-Encoding br", with(merchant("application/json"), "Content-Encoding", "br"));
        variants.put("Accept application/xml", with(merchant("application/json"), "Accept", "application/xml"));
        variants.put("64 KB header", with(merchant("application/json"), "X-Padding", "p".repeat(64 * 1024)));
        variants.put("header with a control byte", with(merchant("application/json"), "X-Odd", "a\u0001b"));
        variants.put("X-Forwarded-For spoof", with(merchant("application/json"), "X-Forwarded-For", "10.0.0.1, 127.0.0.1"));
        variants.put("Expect 100-continue", with(merchant("application/json"), "Expect", "100-continue"));
        Map<String, String> many = new LinkedHashMap<>(merchant("application/json"));
        for (int i = 0; i < 200; i++) {
            many.put("X-Many-" + i, "v".repeat(60));
        }
        variants.put("200 headers", many);
        for (Map.Entry<String, Map<String, String>> variant : variants.entrySet()) {
            add("POST /api/v1/collections " + variant.getKey(), "POST", "/api/v1/collections", variant.getValue(), body);
            add("GET /api/v1/payments " + variant.getKey(), "GET", "/api/v1/payments", variant.getValue(), null);
        }
        raw("request without Host", "GET /api/v1/ping HTTP/1.1\r\nConnection: close\r\n\r\n");
        raw("garbage request line", "BLAH\r\nConnection: close\r\n\r\n");
        raw("HTTP/9.9", "GET /api/v1/ping HTTP/9.9\r\nHost: x\r\nConnection: close\r\n\r\n");
        raw("space in path", "GET /api/v1/pay ments HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        raw("header without colon", "GET /api/v1/ping HTTP/1.1\r\nHost: x\r\nNoColonHere\r\nConnection: close\r\n\r\n");
        framingBroken("malformed chunk", "POST /api/v1/collections HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n{}\r\n0\r\n\r\n");
        raw("Content-Length and chunked", "POST /api/v1/collections HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: 2\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n2\r\n{}\r\n0\r\n\r\n");
        raw("URL of 20000 characters", "GET /api/v1/payments?page=" + "1".repeat(20_000)
                + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    }

    // ---- query strings, on every GET endpoint -----------------------------------------------------------------

    private void queryStrings() {
        String p = fixture.paymentId();
        String b = fixture.batchId();
        List<String> merchantGets = List.of("/api/v1/payments", "/api/v1/payments/" + p, "/api/v1/payments/" + p + "/events",
                "/api/v1/payments/" + p + "/receipt", "/api/v1/payment-methods", "/api/v1/disbursement-batches",
                "/api/v1/disbursement-batches/" + b, "/api/v1/disbursement-batches/" + b + "/items",
                "/api/v1/disbursement-batches/" + b + "/result.csv", "/api/v1/webhook-endpoint",
                "/api/v1/webhook-deliveries", "/api/v1/webhook-deliveries/" + UUID_NOBODY, "/api/v1/reconciliation-runs",
                "/api/v1/reconciliation-runs/" + UUID_NOBODY, "/api/v1/reconciliation-runs/" + UUID_NOBODY + "/items",
                "/api/v1/reconciliation-runs/" + UUID_NOBODY + "/report.csv", "/api/v1/account-holders/" + fixture.phone(),
                "/api/payments/status/" + p, "/api/payments/mtn-momo/status/" + p, "/api/payment/history/",
                "/api/payment/transactions/" + p + "/receipt/", "/api/payment/methods/", "/api/v1/ping");
        List<String> queries = List.of("staus=SUCCESSFUL", "page=-1&size=99999999999", "status=%zz", "%zz=1",
                "status=%00&status[]=PENDING&page=1&page=2", "from=2026-13-45&to=yesterday&refresh=maybe&details=perhaps",
                "x=" + "a".repeat(5000), "status=%C0%AE&=&&=&&result=%27%20OR%201=1%20--");
        Map<String, String> merchant = Map.of("Authorization", "Bearer " + fixture.apiKey());
        for (String path : merchantGets) {
            for (String query : queries) {
                add("GET " + path + "?" + abbreviate(query), "GET", path + "?" + query, merchant, null);
            }
        }
        Map<String, String> admin = Map.of("Authorization", "Bearer " + fixture.adminKey());
        for (String path : List.of("/api/v1/balances", "/api/v1/admin/payments/needs-review")) {
            for (String query : List.of("staus=x", "page=-1", "size=0", "country=%00", "country=ZZZZ", "%zz=1")) {
                add("GET " + path + "?" + query, "GET", path + "?" + query, admin, null);
            }
        }
    }

    // ---- paths and methods ------------------------------------------------------------------------------------

    private void paths() {
        Map<String, String> merchant = Map.of("Authorization", "Bearer " + fixture.apiKey());
        List<String> paths = List.of("/api/v1/payments/not-a-uuid", "/api/v1/payments/%00", "/api/v1/payments/%zz",
                "/api/v1/payments/..%2F..%2Fetc%2Fpasswd", "/api/v1/payments/'%20OR%201=1", "/api/v1//payments",
                "/api/v1/payments/" + "a".repeat(3000), "/api/v1/%2e%2e/%2e%2e/actuator/env", "/api/v1/payments/%C0%AE",
                "/api/v1/payments/%E2%80%AE", "/api/v1/disbursement-batches/%2F/result.csv",
                "/api/v1/payments;jsessionid=1", "/api/v1/payments/" + UUID_NOBODY.toUpperCase(),
                "/api/v1/payments/" + UUID_NOBODY + "/receipt", "/api/v1/../actuator/env", "/sandbox/..;/api/v1/payments",
                "/api/v1/payments/%u0000", "/api/v1/nothing-here", "/api/v1/admin/clients/not-a-uuid/api-keys/x",
                "/api/v1/webhook-deliveries/%F0%9F%92%A5/replay", "/callbacks/mtn/not-a-uuid", "/callbacks/mpesa/%00/result",
                "/%2561pi/v1/payments", "/API/V1/PAYMENTS");
        for (String path : paths) {
            add("GET " + abbreviate(path), "GET", path, merchant, null);
        }
        for (String method : List.of("PATCH", "DELETE", "PUT", "TRACE", "FOO", "get", "CONNECT")) {
            add(method + " /api/v1/payments", method, "/api/v1/payments", merchant, null);
            add(method + " /api/v1/collections", method, "/api/v1/collections", merchant, null);
        }
    }

    // ---- payout files -----------------------------------------------------------------------------------------

    private void payoutFiles() {
        String header = "external_id,phone_number,amount,currency,provider,narration\n";
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("empty", new byte[0]);
        files.put("binary", randomBytes(2048, 11));
        files.put("zip header", concat(new byte[] {'P', 'K', 3, 4}, randomBytes(200, 12)));
        files.put("PDF", utf8("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n"));
        files.put("UTF-16 with BOM", (header + "A-1,256000000000,1000,,,\n").getBytes(StandardCharsets.UTF_16));
        files.put("UTF-16LE", (header + "A-1,256000000000,1000,,,\n").getBytes(StandardCharsets.UTF_16LE));
        files.put("invalid UTF-8", concat(utf8(header + "A-1,256000000000,1000,,,"), new byte[] {(byte) 0xc3, 0x28}, utf8("\n")));
        files.put("NUL in a field", utf8(header + "A-\u00001,256000000000,1000,,,\n"));
        files.put("header only", utf8(header));
        files.put("no header", utf8("A-1,256000000000,1000,,,\n"));
        files.put("one column", utf8("phone_number\n256000000000\n"));
        files.put("unknown columns", utf8("who,what\nx,y\n"));
        files.put("unclosed quote", utf8(header + "\"A-1,256000000000,1000,,,\n"));
        files.put("formula injection", utf8(header + "=cmd|' /C calc'!A0,+256000000000,-1000,@SUM(1),,\n"));
        files.put("1 MB field", utf8(header + "A-1,256000000000,1000,,," + "n".repeat(1 << 20) + "\n"));
        files.put("UTF-8 BOM, bad rows", concat(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf},
                utf8(header + "A-1,not-a-phone,1000,,,\n")));
        files.put("bare CR line ends", utf8(header.replace("\n", "\r") + "A-1,not-a-phone,1000,,,\r"));
        files.put("JSON instead", utf8("{\"rows\":[]}"));
        Map<String, String> csv = Map.of("Authorization", "Bearer " + fixture.apiKey(), "Content-Type", "text/csv");
        files.forEach((name, file) -> add("POST payout file " + name, "POST", "/api/v1/disbursement-batches", csv, file));
        byte[] badRows = utf8(header + "A-1,not-a-phone,1000,,,\n");
        for (String fileName : List.of("%2F", "..", ".", "a%00b.csv", "a%2Fb.csv", "a%5Cb.csv", "%0D%0Ainjected.csv",
                "x".repeat(300) + ".csv", "%20", "%zz.csv", "..%2F..%2Fetc%2Fpasswd")) {
            add("POST payout file named " + abbreviate(fileName), "POST",
                    "/api/v1/disbursement-batches?fileName=" + fileName, csv, badRows);
        }
        for (String query : List.of("approval=maybe", "aproval=none", "approval=%00")) {
            add("POST payout file ?" + query, "POST", "/api/v1/disbursement-batches?" + query, csv, badRows);
        }
        add("POST payout file as JSON", "POST", "/api/v1/disbursement-batches",
                Map.of("Authorization", "Bearer " + fixture.apiKey(), "Content-Type", "application/json"), badRows);
    }

    // ---- provider callbacks -----------------------------------------------------------------------------------

    private void callbacks() {
        String p = fixture.paymentId();
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        bodies.put("random bytes", randomBytes(300, 13));
        bodies.put("empty", new byte[0]);
        bodies.put("not JSON", utf8("status=SUCCESSFUL"));
        bodies.put("UTF-16", "{\"status\":\"SUCCESSFUL\"}".getBytes(StandardCharsets.UTF_16));
        bodies.put("NUL escape", utf8("{\"status\":\"SUCCESSFUL\\u0000\",\"Body\":{\"stkCallback\":{\"ResultDesc\":\"\\u0000\"}}}"));
        bodies.put("wrong types", utf8("{\"Body\":{\"stkCallback\":\"x\"},\"Result\":[],\"status\":{},\"amount\":[]}"));
        bodies.put("success claim", utf8("{\"status\":\"SUCCESSFUL\",\"financialTransactionId\":\"1\",\"amount\":\"1000\"}"));
        Map<String, String> json = Map.of("Content-Type", "application/json");
        List<String> targets = new ArrayList<>(List.of("/callbacks/mtn/" + p + "?token=wrong", "/callbacks/mtn/" + p,
                "/callbacks/mtn/" + UUID_NOBODY + "?token=" + "t".repeat(3000), "/callbacks/mtn/not-a-uuid?token=x",
                "/api/payments/mtn-momo/callback", "/api/payment/mpesa-callback/"));
        for (String kind : List.of("stk", "result", "timeout", "status-result", "status-timeout",
                "reconciliation-result", "reconciliation-timeout")) {
            targets.add("/callbacks/mpesa/" + p + "/" + kind + "?token=wrong");
        }
        targets.add("/callbacks/mpesa/" + UUID_NOBODY + "/result?token=%00");
        for (String target : targets) {
            bodies.forEach((name, body) -> add("POST " + abbreviate(target) + " " + name, "POST", target, json, body));
        }
        bodies.forEach((name, body) -> add("PUT /callbacks/mtn " + name, "PUT", "/callbacks/mtn/" + p + "?token=wrong", json, body));
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private void add(String name, String method, String target, Map<String, String> headers, byte[] body) {
        requests.add(new HostileRequest(name, method, target, headers, body, null, false));
    }

    private void raw(String name, String request) {
        requests.add(new HostileRequest(name, null, null, Map.of(), null, request.getBytes(StandardCharsets.ISO_8859_1),
                false));
    }

    private void framingBroken(String name, String request) {
        requests.add(new HostileRequest(name, null, null, Map.of(), null, request.getBytes(StandardCharsets.ISO_8859_1),
                true));
    }

    private Map<String, String> merchantJson() {
        return merchant("application/json");
    }

    private Map<String, String> merchant(String contentType) {
        return json(Map.of("Authorization", "Bearer " + fixture.apiKey(), "Content-Type", contentType));
    }

    private static Map<String, String> json(Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Content-Type", "application/json");
        all.putAll(headers);
        return all;
    }

    private static Map<String, String> with(Map<String, String> headers, String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put(name, value);
        return all;
    }

    private static String payment(String phone, String more) {
        return "{\"amount\":\"1000\",\"phoneNumber\":\"" + phone + "\"" + more + "}";
    }

    private static String manyFields(int count) {
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < count; i++) {
            json.append(i == 0 ? "" : ",").append("\"f").append(i).append("\":").append(i);
        }
        return json.append('}').toString();
    }

    private static byte[] randomBytes(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 40) + "...(" + text.length() + " characters)";
    }
}
