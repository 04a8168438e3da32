package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"tantieme/app"
)

// The crash and writer-lock tests need other processes: the test binary
// re-executes itself as a child. TestMain recognises the child by the
// environment variable childEnv and then does the child's work instead of
// running the tests:
//
//	TANTIEME_TEST_CHILD=run  … -- ARGS   runs the CLI command ARGS and exits with its code;
//	TANTIEME_TEST_CHILD=hold … -- FILE   opens FILE for writing (app.Open), prints "ready",
//	                                     and holds it until its stdin closes.
const childEnv = "TANTIEME_TEST_CHILD"

func TestMain(m *testing.M) {
	if mode := os.Getenv(childEnv); mode != "" {
		os.Exit(childMain(mode, childArgs()))
	}
	os.Exit(m.Run())
}

// childArgs are the arguments after "--".
func childArgs() []string {
	for i, a := range os.Args {
		if a == "--" {
			return os.Args[i+1:]
		}
	}
	return nil
}

func childMain(mode string, args []string) int {
	switch mode {
	case "run":
		return run(args, os.Stdout, os.Stderr)
	case "hold":
		if len(args) != 1 {
			fmt.Fprintln(os.Stderr, "hold: one file expected")
			return 2
		}
		r, err := app.Open(args[0])
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		fmt.Println("ready")
		io.Copy(io.Discard, os.Stdin)
		if err := r.Close(); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		return 0
	}
	fmt.Fprintf(os.Stderr, "unknown child mode %q\n", mode)
	return 2
}

// childCmd prepares the test binary re-executed as a child in mode; it is
// killed when the test ends if still running.
func childCmd(t *testing.T, mode string, args ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], append([]string{"-test.run=^$", "--"}, args...)...)
	cmd.Env = append(os.Environ(), childEnv+"="+mode)
	t.Cleanup(func() {
		if cmd.Process != nil && cmd.ProcessState == nil {
			cmd.Process.Kill()
			cmd.Wait()
		}
	})
	return cmd
}

// holder is a child process holding a residence open for writing.
type holder struct {
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	stderr *strings.Builder
}

// startHolder starts a child that opens file for writing and waits until it
// says so.
func startHolder(t *testing.T, file string) *holder {
	t.Helper()
	cmd := childCmd(t, "hold", file)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	h := &holder{cmd: cmd, stdin: stdin, stderr: &strings.Builder{}}
	cmd.Stderr = h.stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	ready := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(stdout).ReadString('\n')
		ready <- line
		io.Copy(io.Discard, stdout)
	}()
	select {
	case line := <-ready:
		if strings.TrimSpace(line) != "ready" {
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatalf("holder did not open %s: %q %s", file, line, h.stderr)
		}
	case <-time.After(30 * time.Second):
		t.Fatalf("holder did not open %s within 30 s", file)
	}
	return h
}

// close lets the holder close the residence cleanly and waits for it.
func (h *holder) close(t *testing.T) {
	t.Helper()
	h.stdin.Close()
	if err := h.cmd.Wait(); err != nil {
		t.Fatalf("holder: %v: %s", err, h.stderr)
	}
}

// kill kills the holder (SIGKILL on Unix) and waits for it.
func (h *holder) kill(t *testing.T) {
	t.Helper()
	if err := h.cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	h.cmd.Wait()
}
