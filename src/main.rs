//! The `korea-brief` binary: parse arguments, run the library, map the outcome to an exit code.

use anyhow::Context;
use clap::{CommandFactory, Parser};
use korea_brief::analysis::Analyzer;
use korea_brief::batch::{self, Tally};
use korea_brief::cli::{Cli, Command};
use korea_brief::config::Config;
use korea_brief::digest::{Accumulator, ArticleFacts};
use korea_brief::error::{is_broken_pipe, ExitCode};
use korea_brief::lexicon::Lexicon;
use korea_brief::output::Sink;
use korea_brief::render;
use std::io::Write;

fn main() -> std::process::ExitCode {
    fix_mmap_threshold();
    let cli = Cli::parse();
    let code = match cli.command {
        Command::Parse(args) => parse(Config::from(args)),
        Command::Digest(args) => digest(Config::from(args)),
        Command::Fetch(args) => fetch(&args),
        Command::Schema { digest: false } => print_schema(schemars::schema_for!(korea_brief::brief::Brief)),
        Command::Schema { digest: true } => print_schema(schemars::schema_for!(korea_brief::digest::Digest)),
        Command::Completions { shell } => {
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "korea-brief", &mut out);
            print(&String::from_utf8_lossy(&out))
        }
    };
    code.into()
}

/// glibc raises its mmap threshold each time a large block is freed; after one big page, later
/// big pages are carved from the heaps and fragment them. A fixed threshold hands large blocks
/// back to the system when freed (peak RSS over ../shared/corpus with 2 jobs: 60 MB -> 50 MB).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn fix_mmap_threshold() {
    // SAFETY: mallopt only sets an allocator parameter, and no other thread exists yet.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 256 * 1024);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn fix_mmap_threshold() {}

fn parse(config: Config) -> ExitCode {
    let analyzer = match analyzer(&config) {
        Ok(analyzer) => analyzer,
        Err(code) => return code,
    };
    let sink = match &config.output_dir {
        Some(dir) => Sink::dir(dir, config.format),
        None => Ok(Sink::stdout()),
    };
    let mut sink = match sink {
        Ok(sink) => sink,
        Err(err) => {
            eprintln!("korea-brief: {err:#}");
            return ExitCode::Fatal;
        }
    };
    let (format, pretty) = (config.format, config.pretty);
    let tally = batch::run(
        &config,
        &analyzer,
        |brief| render::render(&brief, format, pretty),
        |origin, bytes| {
            sink.write(origin, &bytes)
                .with_context(|| format!("writing the brief of {}", origin.display_name()))
        },
    )
    .and_then(|tally| sink.finish().map(|()| tally));
    exit_code(tally)
}

/// `digest`: workers reduce each brief to the facts the digest needs, folded in input
/// order; the digest is written once every input is read.
fn digest(config: Config) -> ExitCode {
    let analyzer = match analyzer(&config) {
        Ok(analyzer) => analyzer,
        Err(code) => return code,
    };
    let mut accumulator = Accumulator::default();
    let tally = batch::run(&config, &analyzer, ArticleFacts::from, |_, facts| {
        accumulator.fold(facts);
        Ok(())
    })
    .and_then(|tally| {
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        render::write_digest(&accumulator.finish(), config.format, config.pretty, &mut out)?;
        out.flush()?;
        Ok(tally)
    });
    exit_code(tally)
}

/// The analyzer with the built-in lexicon and `--lexicon`'s entries.
fn analyzer(config: &Config) -> Result<Analyzer, ExitCode> {
    let mut lexicon = Lexicon::builtin();
    if let Some(dir) = &config.lexicon {
        if let Err(err) = lexicon.extend_from_dir(dir) {
            eprintln!("korea-brief: --lexicon {err}");
            return Err(ExitCode::Fatal);
        }
    }
    Ok(Analyzer::new(&lexicon))
}

/// SPEC.md's exit codes for a run over many inputs.
fn exit_code(tally: anyhow::Result<Tally>) -> ExitCode {
    match tally {
        Ok(tally) if tally.failed > 0 => ExitCode::SomeFailed,
        Ok(_) => ExitCode::Success,
        // `| head` closed the pipe: the reader has what it wanted.
        Err(err) if is_broken_pipe(&err) => ExitCode::Success,
        Err(err) => {
            eprintln!("korea-brief: {err:#}");
            ExitCode::Fatal
        }
    }
}

fn print_schema(schema: schemars::Schema) -> ExitCode {
    print(&(serde_json::to_string_pretty(&schema).expect("schema serialises") + "\n"))
}

fn print(text: &str) -> ExitCode {
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Ok(()) => ExitCode::Success,
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::Success,
        Err(err) => {
            eprintln!("korea-brief: writing to standard output: {err}");
            ExitCode::Fatal
        }
    }
}

/// `fetch URL [-o FILE]`: the body as received, and with `-o` the sidecar beside it.
fn fetch(args: &korea_brief::cli::FetchArgs) -> ExitCode {
    use korea_brief::input::fetch::{fetch, sidecar_path, FetchLimits};
    let limits = FetchLimits {
        max_bytes: args.max_bytes,
        timeout: std::time::Duration::from_secs_f64(args.timeout),
    };
    let fetched = match fetch(&args.url, limits) {
        Ok(fetched) => fetched,
        Err(err) => {
            eprintln!("korea-brief: {}: {err}", args.url);
            return ExitCode::SomeFailed;
        }
    };
    let Some(path) = &args.output else {
        return match std::io::stdout().lock().write_all(&fetched.body) {
            Ok(()) => ExitCode::Success,
            Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::Success,
            Err(err) => {
                eprintln!("korea-brief: writing to standard output: {err}");
                ExitCode::Fatal
            }
        };
    };
    let meta = serde_json::to_vec_pretty(&fetched.meta).expect("metadata serialises");
    let written = korea_brief::output::write_atomically(path, &fetched.body)
        .and_then(|()| korea_brief::output::write_atomically(&sidecar_path(path), &meta));
    match written {
        Ok(()) => ExitCode::Success,
        Err(err) => {
            eprintln!("korea-brief: {}: {err:#}", path.display());
            ExitCode::Fatal
        }
    }
}
