//! Run-level errors and the exit codes of SPEC.md.

/// Exit codes (SPEC.md, "Exit codes").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitCode {
    /// Every input produced its output (or standard output closed early).
    Success = 0,
    /// At least one input failed; the others' output was written.
    SomeFailed = 1,
    /// Nothing could be done: usage error, output directory, write error.
    Fatal = 2,
}

impl From<ExitCode> for std::process::ExitCode {
    fn from(code: ExitCode) -> Self {
        std::process::ExitCode::from(code as u8)
    }
}

/// Whether an error chain ends in a closed pipe (`| head`): then the run ends quietly with 0.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
