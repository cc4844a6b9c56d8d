//! HTTP digest authentication (RFC 7616, and RFC 2069 servers without `qop`), for
//! `newsgraph push`: Virtuoso's authenticated Graph Store endpoint asks for it.
//!
//! The client answers a `WWW-Authenticate: Digest ...` challenge with a hash of the user,
//! the realm, the password, the server's nonce, a nonce of its own, the method and the
//! request target. MD5 and SHA-256 are supported, each also in its `-sess` form.

use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use md5::Md5;
use sha2::{Digest as _, Sha256};

/// The hash a challenge names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Algorithm {
    Md5,
    Sha256,
}

/// A server's digest challenge, parsed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Challenge {
    realm: String,
    nonce: String,
    opaque: Option<String>,
    algorithm: Algorithm,
    session: bool,
    /// The server offers `qop=auth` (else the RFC 2069 form is used).
    qop_auth: bool,
    /// The server says the nonce was stale, not the credentials wrong.
    pub stale: bool,
    /// Requests answered with this nonce so far (the `nc` count).
    count: u32,
}

impl Challenge {
    /// Parses the value of a `WWW-Authenticate` header; `None` unless it is a digest
    /// challenge with a nonce and an algorithm this client knows.
    pub fn parse(header: &str) -> Option<Challenge> {
        let rest = header.trim_start();
        let (scheme, params) = rest.split_at(rest.find(char::is_whitespace)?);
        if !scheme.eq_ignore_ascii_case("digest") {
            return None;
        }
        let mut c = Challenge {
            realm: String::new(),
            nonce: String::new(),
            opaque: None,
            algorithm: Algorithm::Md5,
            session: false,
            qop_auth: false,
            stale: false,
            count: 0,
        };
        for (name, value) in params_of(params) {
            match name.to_ascii_lowercase().as_str() {
                "realm" => c.realm = value,
                "nonce" => c.nonce = value,
                "opaque" => c.opaque = Some(value),
                "stale" => c.stale = value.eq_ignore_ascii_case("true"),
                "qop" => c.qop_auth = value.split(',').any(|q| q.trim() == "auth"),
                "algorithm" => {
                    let v = value.to_ascii_uppercase();
                    let (base, session) = match v.strip_suffix("-SESS") {
                        Some(base) => (base.to_owned(), true),
                        None => (v, false),
                    };
                    c.session = session;
                    c.algorithm = match base.as_str() {
                        "MD5" => Algorithm::Md5,
                        "SHA-256" => Algorithm::Sha256,
                        _ => return None,
                    };
                }
                _ => {}
            }
        }
        (!c.nonce.is_empty()).then_some(c)
    }

    /// The `Authorization` header for one request (`method`, and `target`: the path and
    /// query of the URL), with a client nonce of our own.
    pub fn authorization(
        &mut self,
        user: &str,
        password: &str,
        method: &str,
        target: &str,
    ) -> String {
        self.count += 1;
        let cnonce = client_nonce();
        self.authorization_with(user, password, method, target, &cnonce)
    }

    fn authorization_with(
        &self,
        user: &str,
        password: &str,
        method: &str,
        target: &str,
        cnonce: &str,
    ) -> String {
        let h = |s: &str| hex_hash(self.algorithm, s);
        let nc = format!("{:08x}", self.count);
        let mut ha1 = h(&format!("{user}:{}:{password}", self.realm));
        if self.session {
            ha1 = h(&format!("{ha1}:{}:{cnonce}", self.nonce));
        }
        let ha2 = h(&format!("{method}:{target}"));
        let response = if self.qop_auth {
            h(&format!("{ha1}:{}:{nc}:{cnonce}:auth:{ha2}", self.nonce))
        } else {
            h(&format!("{ha1}:{}:{ha2}", self.nonce))
        };
        let algorithm = match (self.algorithm, self.session) {
            (Algorithm::Md5, false) => "MD5",
            (Algorithm::Md5, true) => "MD5-sess",
            (Algorithm::Sha256, false) => "SHA-256",
            (Algorithm::Sha256, true) => "SHA-256-sess",
        };
        let mut header = format!(
            "Digest username=\"{}\", realm=\"{}\", nonce=\"{}\", uri=\"{target}\", \
             algorithm={algorithm}, response=\"{response}\"",
            quoted(user),
            quoted(&self.realm),
            quoted(&self.nonce),
        );
        if self.qop_auth {
            header.push_str(&format!(", qop=auth, nc={nc}, cnonce=\"{cnonce}\""));
        }
        if let Some(opaque) = &self.opaque {
            header.push_str(&format!(", opaque=\"{}\"", quoted(opaque)));
        }
        header
    }
}

/// The request target of a URL: its path and query (`/` when it has no path).
pub fn request_target(url: &str) -> &str {
    let after_scheme = url.find("://").map_or(url, |i| &url[i + 3..]);
    after_scheme.find('/').map_or("/", |i| &after_scheme[i..])
}

/// The `name=value` and `name="quoted value"` pairs of a challenge.
fn params_of(s: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = s;
    loop {
        rest = rest.trim_start_matches([' ', '\t', ',']);
        let Some(eq) = rest.find('=') else { break };
        let name = rest[..eq].trim().to_owned();
        rest = rest[eq + 1..].trim_start();
        let value = if let Some(quoted) = rest.strip_prefix('"') {
            let mut value = String::new();
            let mut chars = quoted.char_indices();
            let mut end = quoted.len();
            while let Some((i, c)) = chars.next() {
                match c {
                    '\\' => {
                        if let Some((_, next)) = chars.next() {
                            value.push(next);
                        }
                    }
                    '"' => {
                        end = i + 1;
                        break;
                    }
                    c => value.push(c),
                }
            }
            rest = &quoted[end.min(quoted.len())..];
            value
        } else {
            let end = rest.find(',').unwrap_or(rest.len());
            let value = rest[..end].trim().to_owned();
            rest = &rest[end..];
            value
        };
        out.push((name, value));
    }
    out
}

/// A value put between double quotes, with `\` and `"` escaped.
fn quoted(s: &str) -> String {
    s.replace('\\', "\\\\").replace('"', "\\\"")
}

fn hex_hash(algorithm: Algorithm, s: &str) -> String {
    let bytes: Vec<u8> = match algorithm {
        Algorithm::Md5 => Md5::digest(s.as_bytes()).to_vec(),
        Algorithm::Sha256 => Sha256::digest(s.as_bytes()).to_vec(),
    };
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A client nonce: the time, the process and a counter, hashed; unique per request,
/// which is all RFC 7616 asks of it.
fn client_nonce() -> String {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    hex_hash(Algorithm::Md5, &format!("{now}:{}:{n}", std::process::id()))[..16].to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The worked example of RFC 2617, section 3.5.
    #[test]
    fn the_rfc_2617_example_gives_its_response() {
        let mut c = Challenge::parse(
            "Digest realm=\"testrealm@host.com\", qop=\"auth,auth-int\", \
             nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", \
             opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"",
        )
        .expect("a digest challenge");
        c.count = 1;
        let header = c.authorization_with(
            "Mufasa",
            "Circle Of Life",
            "GET",
            "/dir/index.html",
            "0a4f113b",
        );
        assert!(
            header.contains("response=\"6629fae49393a05397450978507c4ef1\""),
            "{header}"
        );
        assert!(
            header.contains("nc=00000001, cnonce=\"0a4f113b\""),
            "{header}"
        );
        assert!(
            header.contains("opaque=\"5ccc069c403ebaf9f0171e9517f40e41\""),
            "{header}"
        );
    }

    /// The SHA-256 example of RFC 7616, section 3.9.1.
    #[test]
    fn the_rfc_7616_sha_256_example_gives_its_response() {
        let mut c = Challenge::parse(
            "Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\", \
             algorithm=SHA-256, nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", \
             opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"",
        )
        .expect("a digest challenge");
        c.count = 1;
        let header = c.authorization_with(
            "Mufasa",
            "Circle of Life",
            "GET",
            "/dir/index.html",
            "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ",
        );
        assert!(
            header.contains(
                "response=\"753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1\""
            ),
            "{header}"
        );
    }

    #[test]
    fn other_schemes_and_unknown_algorithms_are_not_digest_challenges() {
        assert_eq!(Challenge::parse("Basic realm=\"x\""), None);
        assert_eq!(
            Challenge::parse("Digest realm=\"x\", nonce=\"n\", algorithm=SHA-512-256"),
            None
        );
        assert_eq!(Challenge::parse("Digest realm=\"x\""), None);
        let c = Challenge::parse("digest realm=\"a \\\"b\\\"\", nonce=n1, stale=TRUE")
            .expect("a digest challenge");
        assert_eq!(
            (c.realm.as_str(), c.nonce.as_str(), c.stale),
            ("a \"b\"", "n1", true)
        );
    }

    #[test]
    fn the_request_target_is_the_path_and_query() {
        assert_eq!(
            request_target("http://h:7878/store?graph=x%20y"),
            "/store?graph=x%20y"
        );
        assert_eq!(request_target("https://h"), "/");
    }
}
