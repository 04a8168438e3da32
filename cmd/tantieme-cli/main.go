// Command tantieme-cli does to a residence what the desktop program does,
// headless, for scripts and tests. Its commands, flags and JSON shapes are
// a contract (see CLI.md): outside scripts rely on them.
//
// Exit codes: 0 success; 1 refused or bad input (one French sentence on
// stderr, the residence untouched); 2 bad usage.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"tantieme/app"
	"tantieme/internal/version"
	"tantieme/ledger"
)

func main() {
	ledger.Program = "tantieme-cli"
	app.OnMigrationNote = func(file, note string) { fmt.Fprintf(os.Stderr, "%s : %s\n", file, note) }
	stop := startProfile()
	code := run(os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// command is one subcommand: its flags are declared by setup, and do runs it
// with the positional arguments.
type command struct {
	usage string
	setup func(fs *flag.FlagSet) func(pos []string, out io.Writer) error
}

var commands = map[string]command{}

// usageError is bad usage (exit 2), as opposed to a refused operation.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		printUsage(stderr)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	if len(args) == 1 && isVersion(args[0]) {
		fmt.Fprintln(stdout, version.String())
		return 0
	}
	name := args[0]
	cmd, ok := commands[name]
	if !ok {
		fmt.Fprintf(stderr, "tantieme-cli : commande inconnue « %s ».\n", name)
		printUsage(stderr)
		return 2
	}
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	do := cmd.setup(fs)
	pos, err := parseInterleaved(fs, args[1:])
	if err == nil {
		err = do(pos, stdout)
	}
	var ue usageError
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprintf(stderr, "usage : tantieme-cli %s\n", cmd.usage)
		return 0
	case errors.As(err, &ue) || isFlagError(err):
		fmt.Fprintf(stderr, "tantieme-cli %s : %s\nusage : tantieme-cli %s\n", name, err, cmd.usage)
		return 2
	default:
		fmt.Fprintln(stderr, sentence(ledger.Message(err)))
		return 1
	}
}

// isVersion recognises the ways of asking which Tantième this is:
// --version like every program, and the command "version".
func isVersion(arg string) bool {
	return arg == "--version" || arg == "-version" || arg == "version"
}

// flagError marks errors from the flag package (unknown flag, bad value).
type flagError struct{ error }

func isFlagError(err error) bool {
	var fe flagError
	return errors.As(err, &fe)
}

// parseInterleaved accepts flags before, between and after positional
// arguments (`balance FILE --json` as well as `balance --json FILE`).
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, flagError{err}
		}
		if fs.NArg() == 0 {
			return pos, nil
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// sentence ends a message with a full stop, once.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") {
		return s
	}
	return s + "."
}

func printUsage(w io.Writer) {
	fmt.Fprintln(w, "usage : tantieme-cli COMMANDE FICHIER.copro [options]")
	fmt.Fprintln(w, "commandes :")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %s\n", commands[n].usage)
	}
	fmt.Fprintln(w, "  version (ou --version) : affiche la version de Tantième")
}

// needArgs checks the count of positional arguments.
func needArgs(pos []string, n int, what string) error {
	if len(pos) != n {
		return usagef("%s attendu", what)
	}
	return nil
}
