//! Tests of `newsgraph push`: against a small Graph Store stand-in on the loopback
//! interface (a thread that records every request and answers as each test says), and,
//! when `NEWSGRAPH_TEST_ENDPOINT` names a running Oxigraph server (`.ci/run` starts one),
//! against the real thing. Nothing here leaves the machine.
#![cfg(feature = "http")]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::Command;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

/// The five articles of the examples, as JSON Lines.
fn articles() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/data/articles.jsonl")
}

/// What a run of the binary gave.
#[derive(Debug)]
struct Run {
    code: Option<i32>,
    stderr: String,
}

/// Runs `newsgraph push --input jsonl ARTICLES ARGS` with extra environment variables.
fn push(args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_newsgraph"));
    command
        .arg("push")
        .arg("--input")
        .arg("jsonl")
        .arg(articles())
        .args(args);
    for (name, value) in env {
        command.env(name, value);
    }
    let output = command.output().expect("the newsgraph binary runs");
    Run {
        code: output.status.code(),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}

/// One request the stand-in received.
#[derive(Clone, Debug)]
struct Request {
    method: String,
    target: String,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
    at: Instant,
}

impl Request {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// A Graph Store stand-in: answers each request with the status `answer` gives for it
/// (and its number, from 0), and keeps every request.
struct StandIn {
    endpoint: String,
    requests: Arc<Mutex<Vec<Request>>>,
}

impl StandIn {
    fn start(answer: impl Fn(&Request, usize) -> u16 + Send + 'static) -> Self {
        StandIn::start_with("Basic realm=\"test\"", answer)
    }

    /// [`StandIn::start`] with its own `WWW-Authenticate` challenge on a 401.
    fn start_with(
        challenge: &'static str,
        answer: impl Fn(&Request, usize) -> u16 + Send + 'static,
    ) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a loopback port");
        let endpoint = format!(
            "http://{}/store",
            listener.local_addr().expect("an address")
        );
        let requests = Arc::new(Mutex::new(Vec::new()));
        let kept = Arc::clone(&requests);
        thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { continue };
                let Some(request) = read_request(&stream) else {
                    continue;
                };
                let n = {
                    let mut kept = kept.lock().expect("the request list");
                    kept.push(request.clone());
                    kept.len() - 1
                };
                let status = answer(&request, n);
                let challenge = if status == 401 {
                    format!("WWW-Authenticate: {challenge}\r\n")
                } else {
                    String::new()
                };
                let mut stream = stream;
                let _ = write!(
                    stream,
                    "HTTP/1.1 {status} Whatever\r\n{challenge}Content-Length: 0\r\nConnection: close\r\n\r\n"
                );
                let _ = stream.flush();
            }
        });
        StandIn { endpoint, requests }
    }

    fn requests(&self) -> Vec<Request> {
        self.requests.lock().expect("the request list").clone()
    }
}

/// Reads one HTTP/1.1 request with a `Content-Length` body.
fn read_request(stream: &TcpStream) -> Option<Request> {
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    reader.read_line(&mut line).ok()?;
    let mut parts = line.split_whitespace();
    let method = parts.next()?.to_owned();
    let target = parts.next()?.to_owned();
    let mut headers = Vec::new();
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).ok()?;
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        let (name, value) = line.split_once(':')?;
        headers.push((name.trim().to_owned(), value.trim().to_owned()));
    }
    let length: usize = headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case("content-length"))
        .and_then(|(_, v)| v.parse().ok())
        .unwrap_or(0);
    let mut body = vec![0; length];
    reader.read_exact(&mut body).ok()?;
    Some(Request {
        method,
        target,
        headers,
        body,
        at: Instant::now(),
    })
}

/// `newsgraph push` of the articles to `endpoint` as alice, her password in the
/// environment.
fn push_as_alice(endpoint: &str) -> Run {
    push(
        &[
            "--endpoint",
            endpoint,
            "--user",
            "alice",
            "--password-env",
            "NG_TEST_PASSWORD",
        ],
        &[("NG_TEST_PASSWORD", "s3cret")],
    )
}

/// `Basic` + base64 of `alice:s3cret`.
const GOOD_AUTH: &str = "Basic YWxpY2U6czNjcmV0";

/// A stand-in that wants alice's credentials.
fn protected() -> StandIn {
    StandIn::start(|r, _| {
        if r.header("authorization") == Some(GOOD_AUTH) {
            204
        } else {
            401
        }
    })
}

#[test]
fn push_puts_each_graph_once_with_basic_authentication() {
    let server = protected();
    let run = push_as_alice(&server.endpoint);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let requests = server.requests();
    // The default graph, then one graph per article (all five articles have facts).
    assert_eq!(requests.len(), 6, "{requests:?}");
    assert!(requests.iter().all(|r| r.method == "PUT"));
    assert!(
        requests
            .iter()
            .all(|r| r.header("authorization") == Some(GOOD_AUTH))
    );
    assert!(
        requests
            .iter()
            .all(|r| r.header("content-type") == Some("application/n-triples"))
    );
    assert!(requests.iter().all(|r| !r.body.is_empty()));
    assert_eq!(requests[0].target, "/store?default");
    assert_eq!(
        requests[1].target,
        "/store?graph=https%3A%2F%2Fnewsgraph.example%2Farticle%2F2023-12-23-france-completes-niger-withdrawal"
    );
    let article = String::from_utf8_lossy(&requests[1].body);
    assert!(article.contains(
        "<https://newsgraph.example/entity/NER> <https://newsgraph.example/ontology#expulsion> \
         <https://newsgraph.example/entity/FRA> ."
    ));
    assert!(
        run.stderr.contains("pushed 6 of 6 graphs"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_graph_saved_as_json_is_pushed_like_the_articles_it_holds() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let json = dir.path().join("g.json");
    let built = Command::new(env!("CARGO_BIN_EXE_newsgraph"))
        .args(["build", "--input", "jsonl", "-q", "-o"])
        .arg(&json)
        .arg(articles())
        .status()
        .expect("the newsgraph binary runs");
    assert!(built.success());
    let from_articles = StandIn::start(|_, _| 204);
    assert_eq!(
        push(&["--endpoint", &from_articles.endpoint], &[]).code,
        Some(0)
    );
    let from_json = StandIn::start(|_, _| 204);
    let output = Command::new(env!("CARGO_BIN_EXE_newsgraph"))
        .args(["push", "--endpoint", &from_json.endpoint, "--graph"])
        .arg(&json)
        .output()
        .expect("the newsgraph binary runs");
    assert!(output.status.success(), "{output:?}");
    let sent = |s: &StandIn| -> Vec<(String, Vec<u8>)> {
        s.requests()
            .into_iter()
            .map(|r| (r.target, r.body))
            .collect()
    };
    assert_eq!(sent(&from_json), sent(&from_articles));
}

#[test]
fn an_article_without_facts_gets_an_empty_graph_so_old_facts_go() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let article = dir.path().join("quiet-day.txt");
    std::fs::write(&article, "Nothing of note happened anywhere today.").expect("written");
    let server = StandIn::start(|_, _| 204);
    let output = Command::new(env!("CARGO_BIN_EXE_newsgraph"))
        .args(["push", "--endpoint", &server.endpoint])
        .arg(&article)
        .output()
        .expect("the newsgraph binary runs");
    assert!(output.status.success(), "{output:?}");
    let requests = server.requests();
    let last = requests.last().expect("a request");
    assert_eq!(
        last.target,
        "/store?graph=https%3A%2F%2Fnewsgraph.example%2Farticle%2Fquiet-day.txt"
    );
    assert!(last.body.is_empty());
}

#[test]
fn wrong_credentials_are_named_and_not_retried() {
    let server = protected();
    let run = push(
        &[
            "--endpoint",
            &server.endpoint,
            "--user",
            "alice",
            "--password",
            "nope",
            "--retries",
            "5",
        ],
        &[],
    );
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert_eq!(server.requests().len(), 1, "no retry after a 401");
    let expected = format!(
        "credentials rejected by {} (401 Unauthorized)",
        server.endpoint
    );
    assert!(run.stderr.contains(&expected), "{}", run.stderr);
    // Every graph is in the report: the one refused and the five not sent.
    assert!(run.stderr.contains("6 graphs not pushed"), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("  the default graph: credentials rejected"),
        "{}",
        run.stderr
    );
    assert_eq!(
        run.stderr
            .matches("not sent: credentials rejected by")
            .count(),
        5
    );
    assert!(run.stderr.contains(
        "<https://newsgraph.example/article/2024-07-07-sahel-states-form-confederation>: not sent"
    ));
}

/// The fields of a digest `Authorization` header.
fn digest_fields(header: &str) -> std::collections::HashMap<String, String> {
    header
        .trim_start_matches("Digest ")
        .split(", ")
        .filter_map(|kv| kv.split_once('='))
        .map(|(k, v)| (k.to_owned(), v.trim_matches('"').to_owned()))
        .collect()
}

fn md5_hex(s: &str) -> String {
    use md5::{Digest, Md5};
    Md5::digest(s.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Whether a request answers the stand-in's digest challenge for alice, as RFC 7616
/// computes it (MD5, qop=auth), for the very target and method it was sent with.
fn answers_digest(r: &Request) -> bool {
    let Some(header) = r
        .header("authorization")
        .filter(|h| h.starts_with("Digest "))
    else {
        return false;
    };
    let f = digest_fields(header);
    let get = |k: &str| f.get(k).map(String::as_str).unwrap_or("");
    let ha1 = md5_hex("alice:graphs@test:s3cret");
    let ha2 = md5_hex(&format!("{}:{}", r.method, r.target));
    let expected = md5_hex(&format!(
        "{ha1}:{}:{}:{}:auth:{ha2}",
        get("nonce"),
        get("nc"),
        get("cnonce")
    ));
    get("username") == "alice"
        && get("nonce") == "n0nce"
        && get("uri") == r.target
        && get("opaque") == "0paque"
        && get("response") == expected
}

#[test]
fn digest_authentication_answers_the_challenge() {
    let server = StandIn::start_with(
        "Digest realm=\"graphs@test\", qop=\"auth\", nonce=\"n0nce\", opaque=\"0paque\"",
        |r, _| if answers_digest(r) { 204 } else { 401 },
    );
    let run = push_as_alice(&server.endpoint);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let requests = server.requests();
    // one refused request without the digest, then each of the 6 graphs answered once:
    // the challenge is remembered, not asked for again
    assert_eq!(requests.len(), 7, "{requests:?}");
    assert!(
        requests[0]
            .header("authorization")
            .is_some_and(|h| h.starts_with("Basic "))
    );
    assert!(requests[1..].iter().all(answers_digest));
    let counts: Vec<String> = requests[1..]
        .iter()
        .filter_map(|r| {
            r.header("authorization")
                .map(|h| digest_fields(h)["nc"].clone())
        })
        .collect();
    assert_eq!(counts.first().map(String::as_str), Some("00000001"));
    assert_eq!(counts.last().map(String::as_str), Some("00000006"));

    // the wrong password: the challenge is answered once, then the push stops
    let run = push(
        &[
            "--endpoint",
            &server.endpoint,
            "--user",
            "alice",
            "--password",
            "nope",
        ],
        &[],
    );
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(
        run.stderr.contains("credentials rejected by"),
        "{}",
        run.stderr
    );
}

#[test]
fn missing_credentials_are_asked_for() {
    let server = protected();
    let run = push(&["--endpoint", &server.endpoint], &[]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(
        run.stderr.contains("credentials required by") && run.stderr.contains("--user"),
        "{}",
        run.stderr
    );
}

#[test]
fn server_errors_are_retried_with_exponential_backoff() {
    // The first two requests get 503, then everything goes through.
    let server = StandIn::start(|_, n| if n < 2 { 503 } else { 204 });
    let run = push(
        &[
            "--endpoint",
            &server.endpoint,
            "--retries",
            "3",
            "--retry-delay-ms",
            "100",
        ],
        &[],
    );
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let requests = server.requests();
    assert_eq!(requests.len(), 8, "6 graphs and 2 retries");
    assert!(requests[..3].iter().all(|r| r.target == "/store?default"));
    let first_wait = requests[1].at - requests[0].at;
    let second_wait = requests[2].at - requests[1].at;
    assert!(first_wait >= Duration::from_millis(100), "{first_wait:?}");
    assert!(second_wait >= Duration::from_millis(200), "{second_wait:?}");
}

#[test]
fn a_graph_that_keeps_failing_is_reported_and_the_others_pushed() {
    let server = StandIn::start(|r, _| {
        if r.target.ends_with("?default") {
            500
        } else {
            204
        }
    });
    let run = push(
        &[
            "--endpoint",
            &server.endpoint,
            "--retries",
            "2",
            "--retry-delay-ms",
            "1",
        ],
        &[],
    );
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    let requests = server.requests();
    assert_eq!(
        requests
            .iter()
            .filter(|r| r.target.ends_with("?default"))
            .count(),
        3
    );
    assert_eq!(requests.len(), 8);
    assert!(
        run.stderr.contains("pushed 5 of 6 graphs"),
        "{}",
        run.stderr
    );
    let expected = format!(
        "1 graph not pushed:\n  the default graph: {} answered 500 Internal Server Error (after 3 attempts)",
        server.endpoint
    );
    assert!(run.stderr.contains(&expected), "{}", run.stderr);
}

#[test]
fn a_client_error_is_not_retried() {
    let server = StandIn::start(|_, _| 400);
    let run = push(
        &["--endpoint", &server.endpoint, "--retry-delay-ms", "1"],
        &[],
    );
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert_eq!(
        server.requests().len(),
        6,
        "one request per graph, no retry"
    );
    assert!(run.stderr.contains("6 graphs not pushed"), "{}", run.stderr);
}

#[test]
fn an_unreachable_endpoint_fails_clearly_and_lists_every_graph() {
    let port = {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a loopback port");
        listener.local_addr().expect("an address").port()
    }; // closed again: nothing listens there
    let endpoint = format!("http://127.0.0.1:{port}/store");
    let run = push(
        &[
            "--endpoint",
            &endpoint,
            "--retries",
            "2",
            "--retry-delay-ms",
            "1",
        ],
        &[],
    );
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(
        run.stderr
            .contains(&format!("cannot connect to {endpoint}: ")),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("(after 3 attempts)"), "{}", run.stderr);
    assert!(
        run.stderr.contains("pushed 0 of 6 graphs"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("6 graphs not pushed"), "{}", run.stderr);
    assert_eq!(run.stderr.matches("not sent: cannot connect to").count(), 5);
}

#[test]
fn bad_arguments_are_refused_before_any_work() {
    let run = push(&["--endpoint", "localhost:7878/store"], &[]);
    assert_eq!(run.code, Some(2));
    assert!(run.stderr.contains(
        "--endpoint: expected an http:// or https:// URL, found \"localhost:7878/store\""
    ));
    let run = push(
        &[
            "--endpoint",
            "http://127.0.0.1:9/store",
            "--user",
            "a",
            "--password-env",
            "NG_TEST_UNSET_VARIABLE",
        ],
        &[],
    );
    assert_eq!(run.code, Some(2));
    assert!(
        run.stderr
            .contains("--password-env NG_TEST_UNSET_VARIABLE: expected the password"),
        "{}",
        run.stderr
    );
}

// ----- against a real server, when .ci/run started one -----

/// The base URL of a running Oxigraph server (`http://127.0.0.1:PORT`), or a printed
/// message and `None`.
fn real_server(test: &str) -> Option<String> {
    match std::env::var("NEWSGRAPH_TEST_ENDPOINT") {
        Ok(url) if !url.is_empty() => Some(url.trim_end_matches('/').to_owned()),
        _ => {
            println!(
                "skipped {test}: set NEWSGRAPH_TEST_ENDPOINT=http://127.0.0.1:PORT to an \
                 Oxigraph server (`oxigraph serve`, as .ci/run does) to run it"
            );
            None
        }
    }
}

/// The rows of a SPARQL SELECT sent to `{server}/query`, as JSON results bindings.
fn select(server: &str, sparql: &str) -> Vec<serde_json::Value> {
    let mut response = ureq::post(format!("{server}/query"))
        .header("Content-Type", "application/sparql-query")
        .header("Accept", "application/sparql-results+json")
        .send(sparql)
        .expect("the server answers the query");
    let text = response.body_mut().read_to_string().expect("a body");
    let json: serde_json::Value = serde_json::from_str(&text).expect("JSON results");
    json["results"]["bindings"]
        .as_array()
        .expect("bindings")
        .clone()
}

/// The number a one-row, one-number SELECT gives.
fn number(server: &str, sparql: &str, variable: &str) -> u64 {
    let rows = select(server, sparql);
    rows[0][variable]["value"]
        .as_str()
        .and_then(|v| v.parse().ok())
        .expect("a number")
}

#[test]
fn a_real_server_holds_what_was_pushed_and_a_second_push_replaces_it() {
    let Some(server) = real_server("a_real_server_holds_what_was_pushed") else {
        return;
    };
    // A base IRI of its own, so that other runs on the same server do not count.
    let base = format!("https://newsgraph.test/push-{}/", std::process::id());
    let shared = format!("{base}shared");
    let args = [
        "--endpoint",
        &format!("{server}/store"),
        "--base-iri",
        &base,
        "--shared-graph",
        &shared,
    ];
    let run = push(&args, &[]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let pushed_triples: u64 = run
        .stderr
        .split("graphs (")
        .nth(1)
        .and_then(|s| s.split(' ').next())
        .and_then(|n| n.parse().ok())
        .expect("the report gives the number of triples");

    let graphs = format!(
        "SELECT (COUNT(DISTINCT ?g) AS ?graphs) (COUNT(*) AS ?triples) WHERE {{
           GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), \"{base}\")) }}"
    );
    assert_eq!(
        number(&server, &graphs, "graphs"),
        6,
        "5 articles and the shared graph"
    );
    assert_eq!(number(&server, &graphs, "triples"), pushed_triples);

    let expelled = format!(
        "SELECT ?article WHERE {{ GRAPH ?article {{
           <{base}entity/NER> <{base}ontology#expulsion> <{base}entity/FRA> }} }}"
    );
    let rows = select(&server, &expelled);
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(
        rows[0]["article"]["value"],
        format!("{base}article/2023-12-23-france-completes-niger-withdrawal")
    );
    let labels = format!(
        "SELECT ?name WHERE {{ GRAPH <{shared}> {{ <{base}entity/NER> <http://www.w3.org/2000/01/rdf-schema#label> ?name }} }}"
    );
    assert_eq!(select(&server, &labels)[0]["name"]["value"], "Niger");

    // Again: the graphs are replaced, nothing doubles.
    let run = push(&args, &[]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(number(&server, &graphs, "graphs"), 6);
    assert_eq!(number(&server, &graphs, "triples"), pushed_triples);
    assert_eq!(select(&server, &expelled).len(), 1);
}
