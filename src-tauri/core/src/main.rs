//! `clientwell`: the headless command line over the core, for scripting, batch work and
//! black-box tests. Exit codes: 0 success, 1 a user error (message on stderr), 2 an internal error.

mod cli;

fn main() {
    std::process::exit(cli::main());
}
