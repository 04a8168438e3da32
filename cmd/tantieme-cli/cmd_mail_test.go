package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"tantieme/mailer/mailtest"
)

type mailLine struct {
	Owner  string `json:"owner"`
	Email  string `json:"email"`
	Status string `json:"status"`
	Reason string `json:"reason"`
}

func mailLines(t *testing.T, out string) map[string]mailLine {
	t.Helper()
	var lines []mailLine
	if err := json.Unmarshal([]byte(out), &lines); err != nil {
		t.Fatalf("JSON: %v\n%s", err, out)
	}
	// Exactly the contract's keys.
	var raw []map[string]any
	_ = json.Unmarshal([]byte(out), &raw)
	for _, r := range raw {
		if len(r) != 4 {
			t.Errorf("keys %v, want owner, email, status, reason", r)
		}
	}
	m := map[string]mailLine{}
	for _, l := range lines {
		m[l.Owner] = l
	}
	return m
}

func TestMailCommands(t *testing.T) {
	f := demoFile(t)
	srv, err := mailtest.Start(mailtest.Options{Reject: map[string]string{"gone@exemple.fr": "No such user"}})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	for _, c := range [][]string{
		{"consent", f, "--owner", "450002", "--email", "helene@exemple.fr", "--date", "01/12/2024"},
		{"consent", f, "--owner", "450005", "--email", "gone@exemple.fr", "--date", "02/12/2024"},
		{"consent", f, "--owner", "450007", "--email", "chloe@exemple.fr", "--date", "02/12/2024"},
		{"consent", f, "--owner", "450007", "--date", "10/12/2024", "--revoke"},
	} {
		if code, _, stderr := cli(t, c...); code != 0 {
			t.Fatalf("%v: exit %d: %s", c, code, stderr)
		}
	}
	if code, _, stderr := cli(t, "consent", f, "--owner", "450009", "--email", "pas une adresse", "--date", "01/12/2024"); code != 1 || !strings.Contains(stderr, "adresse") {
		t.Errorf("bad address: exit %d: %s", code, stderr)
	}
	// Without settings, no mailing.
	if code, _, stderr := cli(t, "mail", f, "notices", "--date", "01/04/2025"); code != 1 || !strings.Contains(stderr, "mail-settings") {
		t.Errorf("no settings: exit %d: %s", code, stderr)
	}
	port := strconv.Itoa(srv.Port)
	if code, out, stderr := cli(t, "mail-settings", f, "--host", "127.0.0.1", "--port", port, "--from", "syndic@exemple.fr", "--tls", "none", "--port", port, "--test"); code != 0 || !strings.Contains(out, "Message d'essai accepté") {
		t.Fatalf("settings: exit %d: %s%s", code, out, stderr)
	}
	if n := len(srv.Messages()); n != 1 || srv.Messages()[0].To[0] != "syndic@exemple.fr" {
		t.Fatalf("test message: %v", srv.Messages())
	}

	before, _ := os.ReadFile(f)
	code, out, stderr := cli(t, "mail", f, "notices", "--date", "01/04/2025", "--dry-run", "--json")
	if code != 0 {
		t.Fatalf("dry run: exit %d: %s", code, stderr)
	}
	dry := mailLines(t, out)
	if dry["450002"].Status != "pending" || dry["450007"].Status != "skipped" || !strings.Contains(dry["450007"].Reason, "42-1") {
		t.Errorf("dry run: %v", dry)
	}
	if after, _ := os.ReadFile(f); string(after) != string(before) || len(srv.Messages()) != 1 {
		t.Error("a dry run wrote or sent something")
	}

	pdf := filepath.Join(t.TempDir(), "courriers.pdf")
	code, out, stderr = cli(t, "mail", f, "notices", "--date", "01/04/2025", "--json", "--print", pdf)
	if code != 0 {
		t.Fatalf("mail: exit %d: %s", code, stderr)
	}
	got := mailLines(t, out)
	if got["450002"] != (mailLine{"450002", "helene@exemple.fr", "sent", ""}) {
		t.Errorf("450002: %+v", got["450002"])
	}
	if l := got["450005"]; l.Status != "refused" || !strings.Contains(l.Reason, "No such user") || l.Email != "gone@exemple.fr" {
		t.Errorf("450005: %+v", l)
	}
	if l := got["450001"]; l.Status != "skipped" || l.Email != "" {
		t.Errorf("450001: %+v", l)
	}
	if fi, err := os.Stat(pdf); err != nil || fi.Size() == 0 {
		t.Errorf("letters to print: %v", err)
	}
	code, out, _ = cli(t, "mail", f, "log", "--json")
	var log []map[string]any
	if code != 0 || json.Unmarshal([]byte(out), &log) != nil || len(log) != 1 || log[0]["sent"] != float64(1) || log[0]["refused"] != float64(1) {
		t.Fatalf("log: %s", out)
	}
	if code, out, stderr := cli(t, "mail", f, "retry", "1", "--json"); code != 0 || mailLines(t, out)["450005"].Status != "refused" {
		t.Errorf("retry: exit %d %s %s", code, out, stderr)
	}
	// A kind of mailing it does not know.
	if code, _, stderr := cli(t, "mail", f, "bogus"); code != 2 || !strings.Contains(stderr, "notices") {
		t.Errorf("unknown kind: exit %d %s", code, stderr)
	}
}
