//! The registry is the one table of presets: every preset file is in it with the link its doc
//! gives, and the table in PROVIDERS.md is generated from it (`UPDATE_PROVIDERS=1 cargo test --test
//! presets` rewrites it).

use std::fmt::Write as _;
use tower_webhook::{
    presets::{Category, Parameter, Preset},
    Scheme,
};

const START: &str = "<!-- presets:start -->";
const END: &str = "<!-- presets:end -->";

fn scheme_of(preset: &Preset) -> Scheme {
    match preset.parameter() {
        Parameter::None => preset.scheme().expect("no parameter needed"),
        Parameter::WebhookId => preset.scheme_with("4JH86294D6297924G"),
        _ => preset.scheme_with("https://hooks.example.com"),
    }
}

/// Where each preset's valid known-answer vectors come from.
fn vector_origin(name: &str) -> String {
    let cases: Vec<serde_json::Value> =
        serde_json::from_str(include_str!("vectors/providers.json")).unwrap();
    let sources: Vec<&str> = cases
        .iter()
        .filter(|case| case["preset"] == name && case["expect"] == "valid")
        .filter_map(|case| case["source"].as_str())
        .collect();
    if sources.iter().any(|source| source.starts_with("official")) {
        "the provider's own".to_owned()
    } else if sources.is_empty() {
        "none".to_owned()
    } else {
        "Python, from the document".to_owned()
    }
}

/// The table of each category's presets, under the category's heading.
fn table() -> String {
    let mut out = String::new();
    for category in Category::ALL {
        writeln!(out, "\n### {}\n", category.title()).unwrap();
        out.push_str(
            "| preset | provider | signature header(s) | signature | signs | window | vector |\n\
             | --- | --- | --- | --- | --- | --- | --- |\n",
        );
        for preset in Preset::all().iter().filter(|p| p.category() == category) {
            row(&mut out, preset);
        }
    }
    out
}

/// The presets module's index: each category's presets, linked to their constructors.
fn index() -> String {
    let mut out = String::from(
        "<!-- Generated from the registry: UPDATE_PROVIDERS=1 cargo test --test integration presets -->\n",
    );
    for category in Category::ALL {
        let links: Vec<String> = Preset::all()
            .iter()
            .filter(|preset| preset.category() == category)
            .map(|preset| format!("[`{0}`](crate::Scheme::{0})", preset.name()))
            .collect();
        writeln!(out, "\n**{}**: {}.", category.title(), links.join(", ")).unwrap();
    }
    out
}

/// One preset's row.
fn row(out: &mut String, preset: &Preset) {
    {
        let scheme = scheme_of(preset);
        let constructor = match preset.parameter() {
            Parameter::None => format!("`Scheme::{}()`", preset.name()),
            Parameter::PublicBaseUrl => format!("`Scheme::{}(public_base_url)`", preset.name()),
            Parameter::WebhookId => format!("`Scheme::{}(webhook_id)`", preset.name()),
            _ => format!("`Scheme::{}(client_id)`", preset.name()),
        };
        let provider = if preset.docs().is_empty() {
            preset.provider().to_owned()
        } else {
            format!("[{}]({})", preset.provider(), preset.docs())
        };
        let headers: Vec<String> = scheme
            .get_signature_headers()
            .iter()
            .take(2)
            .map(|header| format!("`{header}`"))
            .collect();
        let more = if scheme.get_signature_headers().len() > 2 {
            ", …"
        } else {
            ""
        };
        let signature = match scheme.method() {
            tower_webhook::SignatureMethod::Token => "token, constant-time".to_owned(),
            method => format!(
                "`{}` {:?} {}",
                scheme.get_format(),
                scheme.get_encoding(),
                method
            ),
        };
        // A `|` would end the table cell, even inside a code span.
        let signs = scheme.get_signed_content().describe().replace('|', "\\|");
        let signs = if signs.is_empty() {
            "nothing (token)".to_owned()
        } else {
            format!("`{signs}`")
        };
        let window = scheme
            .get_tolerance()
            .map_or("–".to_owned(), |window| format!("{} s", window.as_secs()));
        writeln!(
            out,
            "| {constructor} | {provider} | {}{more} | {signature} | {signs} | {window} | {} |",
            headers.join(", "),
            vector_origin(preset.name())
        )
        .unwrap();
    }
}

/// Checks that `path` holds `expected` between `start` and `end` (the whole file when both are
/// empty), or rewrites it under `UPDATE_PROVIDERS=1`.
fn check_generated(path: &str, start: &str, end: &str, expected: &str) {
    let file = std::fs::read_to_string(path).unwrap_or_default();
    let (from, to) = if start.is_empty() {
        (0, file.len())
    } else {
        let (Some(from), Some(to)) = (file.find(start), file.find(end)) else {
            panic!("{path} has no {start} … {end} markers");
        };
        (from + start.len(), to)
    };
    if file[from..to] == *expected {
        return;
    }
    if std::env::var_os("UPDATE_PROVIDERS").is_some() {
        std::fs::write(path, format!("{}{expected}{}", &file[..from], &file[to..])).unwrap();
    } else {
        panic!("{path} is stale: run UPDATE_PROVIDERS=1 cargo test --test integration presets");
    }
}

#[test]
fn the_presets_index_is_generated_from_the_registry() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/presets/index.md");
    check_generated(path, "", "", &index());
}

#[test]
fn every_category_has_presets() {
    for category in Category::ALL {
        assert!(
            Preset::all()
                .iter()
                .any(|preset| preset.category() == category),
            "{category:?}"
        );
    }
}

#[test]
fn the_providers_table_is_generated_from_the_registry() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/PROVIDERS.md");
    check_generated(path, START, END, &format!("\n{}", table()));
}

#[test]
fn every_preset_file_is_registered_with_the_link_its_doc_gives() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/presets");
    let mut problems = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let file = path.file_name().unwrap().to_str().unwrap().to_owned();
        if file == "mod.rs" {
            continue;
        }
        let source = std::fs::read_to_string(&path).unwrap();
        // A known answer: a doc example that verifies a signed request and asserts the verdict.
        let mut examples = vec![String::new()];
        let mut inside = false;
        for line in source.lines().map(str::trim) {
            if line.starts_with("/// ```") {
                inside = !inside;
                examples.push(String::new());
            } else if inside {
                examples.last_mut().unwrap().push_str(line);
            }
        }
        let known_answer = examples.iter().any(|example| {
            let verifies = ["verify(", "verify_request(", "oneshot("];
            verifies.iter().any(|call| example.contains(call)) && example.contains("assert")
        });
        let has_presets = source.contains("pub(super) const PRESETS: &[Preset] = &[\n");
        if has_presets && !known_answer {
            problems.push(format!("{file}: no known-answer doctest"));
        }
        for (at, line) in source.lines().enumerate() {
            let Some(rest) = line.trim().strip_prefix("pub fn ") else {
                continue;
            };
            // Constructors of presets return a `Scheme`; helpers (a `Result`) and the
            // handshakes' methods are not presets.
            let signature: String = source.lines().skip(at).take(4).collect();
            let signature = signature.split('{').next().unwrap_or_default();
            if !signature.contains("-> Scheme") {
                continue;
            }
            let name = rest.split('(').next().unwrap().trim_start_matches("r#");
            match Preset::find(name) {
                None => problems.push(format!("{file}: `{name}` is not in the registry")),
                Some(preset) if !preset.docs().is_empty() && !source.contains(preset.docs()) => {
                    problems.push(format!(
                        "{file}: the registry's link for `{name}` is not in its doc"
                    ))
                }
                Some(preset) if preset.docs().is_empty() && !source.contains("no public page") => {
                    problems.push(format!(
                        "{file}: `{name}` has no link, and its doc does not say it has no public page"
                    ))
                }
                Some(_) => {}
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_registry_is_sorted_and_names_each_preset_once() {
    let names: Vec<&str> = Preset::all().iter().map(Preset::name).collect();
    assert!(names.windows(2).all(|pair| pair[0] < pair[1]), "{names:?}");
    for name in names {
        assert_eq!(Preset::find(name).map(Preset::name), Some(name));
    }
}

#[test]
fn at_least_65_presets_and_every_one_builds() {
    assert!(Preset::all().len() >= 65, "{} presets", Preset::all().len());
    for preset in Preset::all() {
        let scheme = scheme_of(preset);
        assert_eq!(scheme.name(), preset.name());
    }
    assert!(Scheme::by_name("stripe").is_some());
    assert!(
        Scheme::by_name("twilio").is_none(),
        "twilio needs its public URL"
    );
    assert!(Scheme::by_name("no such provider").is_none());
}

/// The words that name a provider: each preset's name, and each word of it that is no generic
/// term of the trade.
fn provider_words() -> Vec<String> {
    const GENERIC: &[&str] = &[
        "api",
        "app",
        "cal",
        "com",
        "ed25519",
        "graph",
        "help",
        "io",
        "registration",
        "sha1",
        "signature",
        "standard",
        "v2",
        "v3",
        "webhooks",
        "message",
        "commerce",
        "lemon",
    ];
    let mut words: Vec<String> = Vec::new();
    for preset in Preset::all() {
        words.push(preset.name().to_owned());
        for word in preset.name().split('_') {
            if !GENERIC.contains(&word) {
                words.push(word.to_owned());
            }
        }
    }
    words.sort();
    words.dedup();
    words
}

/// Whether `word` occurs in `line` as a whole word (lowercase, as in identifiers and strings).
fn names(line: &str, word: &str) -> bool {
    let is_word = |c: char| c.is_ascii_alphanumeric() || c == '_';
    line.match_indices(word).any(|(at, _)| {
        let before = line[..at].chars().next_back();
        let after = line[at + word.len()..].chars().next();
        !before.is_some_and(is_word) && !after.is_some_and(is_word)
    })
}

#[test]
fn no_code_outside_the_presets_names_a_provider() {
    fn files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                if !path.ends_with("presets") {
                    files(&path, out);
                }
            } else if path.extension().is_some_and(|ext| ext == "rs") {
                out.push(path);
            }
        }
    }
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut sources = Vec::new();
    files(&root.join("src"), &mut sources);
    assert!(sources.len() > 20, "{sources:?}");
    let words = provider_words();
    let mut problems = Vec::new();
    for path in sources {
        let text = std::fs::read_to_string(&path).unwrap();
        for (at, line) in text.lines().enumerate() {
            // Comments may name providers (as examples); code may not.
            let code = line.split("//").next().unwrap_or_default();
            for word in words.iter().filter(|word| names(code, word)) {
                let file = path.strip_prefix(root).unwrap().display();
                problems.push(format!("{file}:{}: `{word}`: {}", at + 1, line.trim()));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
