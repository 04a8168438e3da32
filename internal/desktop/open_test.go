package desktop

import (
	"net/url"
	"slices"
	"testing"
)

func TestFileURL(t *testing.T) {
	for _, tc := range []struct {
		goos, path, url string
		back            string // the path read back; path when ""
	}{
		{"linux", "/home/zoé/Mes avis/Appel n°1.pdf", "file:///home/zo%C3%A9/Mes%20avis/Appel%20n%C2%B01.pdf", ""},
		{"darwin", "/Users/zoé/Documents/Tantième/Clôture 2025", "file:///Users/zo%C3%A9/Documents/Tanti%C3%A8me/Cl%C3%B4ture%202025", ""},
		{"linux", "/tmp/a#b?c%d.pdf", "file:///tmp/a%23b%3Fc%25d.pdf", ""},
		{"windows", `C:\Users\Zoé\Documents\Relevé 1,2.pdf`, "file:///C:/Users/Zo%C3%A9/Documents/Relev%C3%A9%201,2.pdf", ""},
		{"windows", `E:\`, "file:///E:/", ""},
		{"windows", `\\nas\copro\Les Tilleuls.copro`, "file://nas/copro/Les%20Tilleuls.copro", ""},
	} {
		u := fileURL(tc.goos, tc.path)
		if got := u.String(); got != tc.url {
			t.Errorf("%s: fileURL(%q) = %s, want %s", tc.goos, tc.path, got, tc.url)
		}
		// What a test seam or a recorder sees is the URL's text: read back.
		parsed, err := url.Parse(u.String())
		if err != nil {
			t.Fatalf("%s: %s does not parse: %v", tc.goos, u, err)
		}
		want := tc.back
		if want == "" {
			want = tc.path
		}
		if got := pathFromURL(tc.goos, parsed); got != want {
			t.Errorf("%s: pathFromURL(%s) = %q, want %q", tc.goos, u, got, want)
		}
	}
}

func TestPathFromURL(t *testing.T) {
	for _, tc := range []struct{ goos, url, want string }{
		// Fyne's storage.NewFileURI spells a Windows path file://C:/…
		{"windows", "file://C:/Users/Zo%C3%A9/x.pdf", `C:\Users\Zoé\x.pdf`},
		{"windows", "file://localhost/C:/x.pdf", `C:\x.pdf`},
		{"windows", "file:///d:/Sauvegardes", `d:\Sauvegardes`},
		{"linux", "file:///home/z/Mes%20avis", "/home/z/Mes avis"},
		{"darwin", "file:///Volumes/CL%C3%89%20USB", "/Volumes/CLÉ USB"},
	} {
		u, err := url.Parse(tc.url)
		if err != nil {
			t.Fatal(err)
		}
		if got := pathFromURL(tc.goos, u); got != tc.want {
			t.Errorf("%s: pathFromURL(%s) = %q, want %q", tc.goos, tc.url, got, tc.want)
		}
	}
}

func TestOpenCommand(t *testing.T) {
	const p = "/home/zoé/Mes avis/l'appel \"1\" & $HOME.pdf"
	for _, tc := range []struct {
		goos string
		want []string
	}{
		{"linux", []string{"xdg-open", p}},
		{"freebsd", []string{"xdg-open", p}},
		{"darwin", []string{"open", p}},
		{"windows", nil}, // ShellExecuteW, no command line
	} {
		// The path is one argument, as is: no shell, no quoting.
		if got := openCommand(tc.goos, p); !slices.Equal(got, tc.want) {
			t.Errorf("%s: openCommand = %q, want %q", tc.goos, got, tc.want)
		}
	}
}

func TestOpenRefusesNothing(t *testing.T) {
	for _, target := range []string{"", "  "} {
		if err := Open(target); err == nil {
			t.Errorf("Open(%q) did not refuse", target)
		}
	}
	if err := OpenURL(nil); err == nil {
		t.Error("OpenURL(nil) did not refuse")
	}
}
