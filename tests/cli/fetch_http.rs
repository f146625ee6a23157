//! Fetching against a real HTTP server on 127.0.0.1 (never a real host).

use crate::util::{briefs, run, stderr, stdout};
use std::io::Write;
use std::thread;
use std::time::Duration;
use tiny_http::{Header, Response, Server};

const PAGE: &str = "<html><head><title>Talks resume | Site</title></head><body><h1>Talks resume</h1>\
    <p>North Korea agreed on Monday to resume talks with the South, state media said.</p></body></html>";

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).unwrap()
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

/// Serves a fixed set of routes on an ephemeral port; returns the base URL.
fn serve() -> String {
    let server = Server::http("127.0.0.1:0").unwrap();
    let port = server.server_addr().to_ip().unwrap().port();
    thread::spawn(move || {
        for request in server.incoming_requests() {
            // One thread per request, so a slow route does not hold up the others.
            thread::spawn(move || {
                let url = request.url().to_string();
                let html = header("Content-Type", "text/html; charset=utf-8");
                let response = match url.as_str() {
                    "/page" => Response::from_data(PAGE.as_bytes().to_vec()).with_header(html).boxed(),
                    "/euc-kr" => {
                        let body = format!(
                            "<html><body><h1>북한</h1><p>{}</p></body></html>",
                            "북한은 한국과 미국의 연합 군사훈련을 비난했다. ".repeat(5)
                        );
                        // The header names the wrong charset: the bytes are EUC-KR.
                        Response::from_data(encoding_rs::EUC_KR.encode(&body).0.into_owned())
                            .with_header(header("Content-Type", "text/html; charset=utf-8"))
                            .boxed()
                    }
                    "/missing" => Response::from_string("gone").with_status_code(404).boxed(),
                    "/broken" => Response::from_string("oops").with_status_code(500).boxed(),
                    "/r1" => Response::empty(302).with_header(header("Location", "/r2")).boxed(),
                    "/r2" => Response::empty(301).with_header(header("Location", "/page")).boxed(),
                    "/loop" => Response::empty(302).with_header(header("Location", "/loop")).boxed(),
                    "/big" => Response::from_data(vec![b'a'; 50_000]).with_header(html).boxed(),
                    "/bomb" => Response::from_data(gzip(&vec![b' '; 5_000_000]))
                        .with_header(html)
                        .with_header(header("Content-Encoding", "gzip"))
                        .boxed(),
                    "/image" => Response::from_data(b"\x89PNG\r\n\x1a\n".to_vec())
                        .with_header(header("Content-Type", "image/png"))
                        .boxed(),
                    "/slow" => {
                        thread::sleep(Duration::from_secs(3));
                        Response::from_data(PAGE.as_bytes().to_vec()).with_header(html).boxed()
                    }
                    _ => Response::from_string("?").with_status_code(400).boxed(),
                };
                let _ = request.respond(response);
            });
        }
    });
    format!("http://127.0.0.1:{port}")
}

/// `parse URL`: a brief with the final URL after a redirect chain.
#[test]
fn parse_url_follows_redirects() {
    let base = serve();
    let url = format!("{base}/r1");
    let out = run(&["parse", &url], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let brief = &briefs(&out)[0];
    assert_eq!(brief.source.input, url);
    assert_eq!(brief.source.kind, korea_brief::brief::SourceKind::Url);
    assert_eq!(brief.source.url.as_deref(), Some(format!("{base}/page").as_str()));
    assert_eq!(brief.headline.as_deref(), Some("Talks resume"));
}

/// Each failure is one line naming the URL and the reason; other inputs are unharmed.
#[test]
fn failures_name_url_and_reason() {
    let base = serve();
    let cases = [
        ("/missing", "HTTP 404"),
        ("/broken", "HTTP 500"),
        ("/loop", "redirects"),
        ("/big", "larger than --max-bytes"),
        ("/bomb", "larger than --max-bytes"),
        ("/image", "content type image/png"),
        ("/slow", "timed out"),
    ];
    let good = format!("{base}/page");
    for (path, reason) in cases {
        let url = format!("{base}{path}");
        let out = run(
            &["parse", "-q", "--max-bytes", "20K", "--timeout", "1", &url, &good],
            None,
        );
        assert_eq!(out.status.code(), Some(1), "{path}");
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{path}: {err}");
        assert!(
            err.starts_with(&format!("korea-brief: {url}: ")) && err.contains(reason),
            "{path}: {err}"
        );
        assert_eq!(briefs(&out).len(), 1, "{path}: the good input still has its brief");
    }
}

/// A charset header that contradicts the bytes does not produce mojibake.
#[test]
fn wrong_charset_header() {
    let base = serve();
    let out = run(&["parse", &format!("{base}/euc-kr")], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(briefs(&out)[0].headline.as_deref(), Some("북한"));
}

/// `fetch -o FILE` saves the body and a sidecar that `parse FILE` uses; without -o the body goes to stdout.
#[test]
fn fetch_saves_page_and_sidecar() {
    let base = serve();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("page.html");
    let out = run(&["fetch", &format!("{base}/r2"), "-o", file.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), PAGE);
    let meta: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("page.html.meta.json")).unwrap()).unwrap();
    assert_eq!(meta["final_url"], format!("{base}/page"));
    assert_eq!(meta["status"], 200);
    assert_eq!(meta["content_type"], "text/html");
    let parsed = run(&["parse", file.to_str().unwrap()], None);
    assert_eq!(
        briefs(&parsed)[0].source.url.as_deref(),
        Some(format!("{base}/page").as_str())
    );
    let out = run(&["fetch", &format!("{base}/page")], None);
    assert_eq!(stdout(&out), PAGE);
    let out = run(&["fetch", &format!("{base}/missing")], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("HTTP 404"));
}
