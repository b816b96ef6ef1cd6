package org.rectify.platform;

import org.springframework.core.env.PropertyResolver;

import java.io.IOException;
import java.math.BigInteger;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The training run of the class-data archive (start-up, issue 14; {@code bin/rectify} makes it): the application
 * starts as usual, signs a throw-away administrator in through the form and opens the pages a login opens, and then
 * stops, so that the JVM's {@code -XX:ArchiveClassesAtExit} writes every class a start and a first login need into
 * the archive the next starts map instead of reading and verifying them again (without the login, Thymeleaf's,
 * Jackson's and the first statements' ~1,200 classes were still read from the jars after the start).
 * Asked for with {@code --rectify.class-data-training=true}, on a throw-away database.
 */
public final class ClassDataTraining {

    public static final String PROPERTY = "rectify.class-data-training";
    /** The administrator the training signs in as, created by the first-administrator step on the empty database. */
    static final String ACCOUNT = "class-data-training";
    /** What a login opens: the landing page (the to-do list or the dashboard), the ledger, the dashboard, the API. */
    static final List<String> PAGES = List.of("/", "/tasks", "/insight", "/api/tasks?size=50");

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]*)\"");

    private ClassDataTraining() {
    }

    /** Whether this start is a training run that stops as soon as it has started. */
    public static boolean isRun(PropertyResolver settings) {
        return settings.getProperty(PROPERTY, Boolean.class, false);
    }

    /**
     * The start's arguments, and for a training run the first administrator's name and a random password, so that
     * the training has someone to sign in as (the throw-away database has no account and no demo). Only on a
     * throw-away embedded database, as {@code bin/rectify} starts it: given by hand against a kept or external
     * database, the setting would leave there an administrator whose password no one knows.
     */
    public static String[] arguments(String[] args) {
        return arguments(args, System.getenv("SPRING_DATASOURCE_URL"));
    }

    static String[] arguments(String[] args, String externalDatabase) {
        List<String> given = Arrays.asList(args);
        boolean throwAway = given.contains("--rectify.embedded-db.persistent=false")
                && (externalDatabase == null || externalDatabase.isBlank())
                && given.stream().noneMatch(a -> a.startsWith("--spring.datasource.url="));
        if (!given.contains("--" + PROPERTY + "=true") || !throwAway) {
            return args;
        }
        String[] all = Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--rectify.bootstrap.admin-username=" + ACCOUNT;
        all[args.length + 1] = "--rectify.bootstrap.admin-password=" + new BigInteger(128, new SecureRandom()).toString(36);
        return all;
    }

    /** Signs the training's administrator in on the started application and opens the pages a login opens. */
    public static List<String> signInAndBrowse(PropertyResolver settings) {
        String base = "http://127.0.0.1:" + settings.getProperty("local.server.port");
        return signInAndBrowse(base, ACCOUNT, settings.getProperty("rectify.bootstrap.admin-password", ""));
    }

    /**
     * Signs {@code username} in through the sign-in form (its CSRF token included) and opens {@link #PAGES}; the
     * answer is each request with its status, e.g. "GET /tasks 200". A failure stops the browsing, never the start.
     */
    static List<String> signInAndBrowse(String base, String username, String password) {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(10)).build();
        List<String> answers = new ArrayList<>();
        try {
            HttpResponse<String> form = client.send(get(base + "/login"), HttpResponse.BodyHandlers.ofString());
            answers.add("GET /login " + form.statusCode());
            Matcher token = CSRF.matcher(form.body());
            if (!token.find()) {
                return answers;
            }
            String body = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(token.group(1));
            HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            answers.add("POST /login " + signedIn.statusCode() + " " + signedIn.uri().getPath());
            for (String page : PAGES) {
                HttpResponse<String> answer = client.send(get(base + page), HttpResponse.BodyHandlers.ofString());
                answers.add("GET " + page + " " + answer.statusCode() + " " + answer.uri().getPath());
            }
        } catch (IOException e) {
            answers.add("failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return answers;
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET().build();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
