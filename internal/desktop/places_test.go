package desktop

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fakeSystem describes a computer: its environment, the folders that exist
// and the files it holds.
func fakeSystem(goos, home string, env map[string]string, dirs []string, files map[string]string, known string) system {
	return system{
		goos:   goos,
		getenv: func(k string) string { return env[k] },
		home:   home,
		known:  func() string { return known },
		readFile: func(p string) ([]byte, error) {
			if s, ok := files[p]; ok {
				return []byte(s), nil
			}
			return nil, os.ErrNotExist
		},
		isDir: func(p string) bool {
			for _, d := range dirs {
				if d == p {
					return true
				}
			}
			return false
		},
	}
}

func TestWhere(t *testing.T) {
	for _, tc := range []struct {
		name string
		sys  system
		want Places
	}{
		{"windows", fakeSystem("windows", `C:\Users\Zoé`,
			map[string]string{"AppData": `C:\Users\Zoé\AppData\Roaming`, "USERPROFILE": `C:\Users\Zoé`},
			[]string{`C:\Users\Zoé\Documents`}, nil, ""),
			Places{Config: `C:\Users\Zoé\AppData\Roaming\Tantieme`, Demo: `C:\Users\Zoé\AppData\Roaming\Tantieme\demo`,
				Fingerprints: `C:\Users\Zoé\AppData\Roaming\Tantieme\empreintes.json`, Backups: `C:\Users\Zoé\AppData\Roaming\Tantieme\sauvegardes.json`, Verified: `C:\Users\Zoé\AppData\Roaming\Tantieme\verifications.json`,
				Documents: `C:\Users\Zoé\Documents`}},
		{"windows, Documents moved to OneDrive", fakeSystem("windows", `C:\Users\Zoé`,
			map[string]string{"AppData": `C:\Users\Zoé\AppData\Roaming\`, "USERPROFILE": `C:\Users\Zoé`},
			[]string{`C:\Users\Zoé\Documents`, `C:\Users\Zoé\OneDrive\Documents`}, nil, `C:\Users\Zoé\OneDrive\Documents`),
			Places{Config: `C:\Users\Zoé\AppData\Roaming\Tantieme`, Demo: `C:\Users\Zoé\AppData\Roaming\Tantieme\demo`,
				Fingerprints: `C:\Users\Zoé\AppData\Roaming\Tantieme\empreintes.json`, Backups: `C:\Users\Zoé\AppData\Roaming\Tantieme\sauvegardes.json`, Verified: `C:\Users\Zoé\AppData\Roaming\Tantieme\verifications.json`,
				Documents: `C:\Users\Zoé\OneDrive\Documents`}},
		{"windows, no AppData nor Documents", fakeSystem("windows", `C:\Users\x`,
			map[string]string{"USERPROFILE": `D:\Profils\x`}, nil, nil, `\\serveur\absent\Documents`),
			Places{Documents: `D:\Profils\x`}},
		{"darwin", fakeSystem("darwin", "/Users/zoé", nil, []string{"/Users/zoé/Documents"}, nil, ""),
			Places{Config: "/Users/zoé/Library/Application Support/Tantieme", Demo: "/Users/zoé/Library/Application Support/Tantieme/demo",
				Fingerprints: "/Users/zoé/Library/Application Support/Tantieme/empreintes.json",
				Backups:      "/Users/zoé/Library/Application Support/Tantieme/sauvegardes.json", Verified: "/Users/zoé/Library/Application Support/Tantieme/verifications.json", Documents: "/Users/zoé/Documents"}},
		{"darwin, XDG ignored", fakeSystem("darwin", "/Users/z", map[string]string{"XDG_CONFIG_HOME": "/tmp/x"}, nil, nil, ""),
			Places{Config: "/Users/z/Library/Application Support/Tantieme", Demo: "/Users/z/Library/Application Support/Tantieme/demo",
				Fingerprints: "/Users/z/Library/Application Support/Tantieme/empreintes.json",
				Backups:      "/Users/z/Library/Application Support/Tantieme/sauvegardes.json", Verified: "/Users/z/Library/Application Support/Tantieme/verifications.json", Documents: "/Users/z"}},
		{"linux, defaults", fakeSystem("linux", "/home/zoé", nil, []string{"/home/zoé/Documents"}, nil, ""),
			Places{Config: "/home/zoé/.config/Tantieme", Demo: "/home/zoé/.config/Tantieme/demo",
				Fingerprints: "/home/zoé/.config/Tantieme/empreintes.json", Backups: "/home/zoé/.config/Tantieme/sauvegardes.json", Verified: "/home/zoé/.config/Tantieme/verifications.json",
				Documents: "/home/zoé/Documents"}},
		{"linux, XDG_CONFIG_HOME and a translated Documents", fakeSystem("linux", "/home/zoé", map[string]string{"XDG_CONFIG_HOME": "/srv/conf"},
			[]string{"/home/zoé/Documents", "/home/zoé/Mes papiers"},
			map[string]string{"/srv/conf/user-dirs.dirs": "# written by xdg-user-dirs-update\nXDG_DESKTOP_DIR=\"$HOME/Bureau\"\nXDG_DOCUMENTS_DIR=\"$HOME/Mes papiers\"\n"}, ""),
			Places{Config: "/srv/conf/Tantieme", Demo: "/srv/conf/Tantieme/demo",
				Fingerprints: "/srv/conf/Tantieme/empreintes.json", Backups: "/srv/conf/Tantieme/sauvegardes.json", Verified: "/srv/conf/Tantieme/verifications.json",
				Documents: "/home/zoé/Mes papiers"}},
		{"linux, relative XDG_CONFIG_HOME, Documents disabled", fakeSystem("linux", "/home/z", map[string]string{"XDG_CONFIG_HOME": "conf"},
			[]string{"/home/z"}, map[string]string{"/home/z/.config/user-dirs.dirs": "XDG_DOCUMENTS_DIR=\"$HOME/\"\n"}, ""),
			Places{Config: "/home/z/.config/Tantieme", Demo: "/home/z/.config/Tantieme/demo",
				Fingerprints: "/home/z/.config/Tantieme/empreintes.json", Backups: "/home/z/.config/Tantieme/sauvegardes.json", Verified: "/home/z/.config/Tantieme/verifications.json",
				Documents: "/home/z"}},
		{"linux, XDG folder missing: ~/Documents", fakeSystem("linux", "/home/z", map[string]string{"XDG_DOCUMENTS_DIR": "/data/docs"},
			[]string{"/home/z/Documents"}, map[string]string{"/home/z/.config/user-dirs.dirs": "XDG_DOCUMENTS_DIR=\"/mnt/absent\"\n"}, ""),
			Places{Config: "/home/z/.config/Tantieme", Demo: "/home/z/.config/Tantieme/demo",
				Fingerprints: "/home/z/.config/Tantieme/empreintes.json", Backups: "/home/z/.config/Tantieme/sauvegardes.json", Verified: "/home/z/.config/Tantieme/verifications.json",
				Documents: "/home/z/Documents"}},
		{"linux, XDG_DOCUMENTS_DIR from the environment", fakeSystem("linux", "/home/z", map[string]string{"XDG_DOCUMENTS_DIR": "/data/docs"},
			[]string{"/home/z/Documents", "/data/docs"}, nil, ""),
			Places{Config: "/home/z/.config/Tantieme", Demo: "/home/z/.config/Tantieme/demo",
				Fingerprints: "/home/z/.config/Tantieme/empreintes.json", Backups: "/home/z/.config/Tantieme/sauvegardes.json", Verified: "/home/z/.config/Tantieme/verifications.json",
				Documents: "/data/docs"}},
		{"linux, no home", fakeSystem("linux", "", nil, nil, nil, ""), Places{Documents: "."}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.sys.where(); got != tc.want {
				t.Errorf("where() =\n%+v\nwant\n%+v", got, tc.want)
			}
		})
	}
}

// On this computer, Where agrees with the standard library's folders, so
// that the logs and the demo of earlier releases are found again.
func TestWhereHereMatchesEarlierReleases(t *testing.T) {
	base, err := os.UserConfigDir()
	if err != nil {
		t.Skip("no config folder here:", err)
	}
	p := Where()
	if want := filepath.Join(base, "Tantieme"); p.Config != want {
		t.Errorf("Config = %q, want %q", p.Config, want)
	}
	if want := filepath.Join(base, "Tantieme", "empreintes.json"); p.Fingerprints != want {
		t.Errorf("Fingerprints = %q, want %q", p.Fingerprints, want)
	}
	if st, err := os.Stat(p.Documents); err != nil || !st.IsDir() {
		t.Errorf("Documents %q is not a folder: %v", p.Documents, err)
	}
}

func TestUserDir(t *testing.T) {
	for _, tc := range []struct{ file, want string }{
		{`XDG_DOCUMENTS_DIR="$HOME/Documents"`, "/home/zoé/Documents"},
		{"# XDG_DOCUMENTS_DIR=\"$HOME/Non\"\n  XDG_DOCUMENTS_DIR = \"$HOME/Oui\"  \n", "/home/zoé/Oui"},
		{`XDG_DOCUMENTS_DIR="/srv/Mes \"papiers\" à moi/"`, `/srv/Mes "papiers" à moi`},
		{`XDG_DOCUMENTS_DIR="$HOME"`, "/home/zoé"},
		{"XDG_DOCUMENTS_DIR=\"/a\"\r\nXDG_DOCUMENTS_DIR=\"/b\"\r\n", "/b"},
		{`XDG_DOCUMENTS_DIR=relative`, ""},
		{`XDG_DOCUMENTS_DIR="relative/dir"`, ""},
		{`XDG_DOCUMENTS_DIR="$HOMEWORK/x"`, ""},
		{`XDG_DOCUMENTS_DIR="`, ""},
		{`XDG_DOWNLOAD_DIR="$HOME/Téléchargements"`, ""},
		{"", ""},
	} {
		if got := userDir([]byte(tc.file), "XDG_DOCUMENTS_DIR", "/home/zoé"); got != tc.want {
			t.Errorf("userDir(%q) = %q, want %q", tc.file, got, tc.want)
		}
	}
}

// user-dirs.dirs is a file of the user's: whatever it holds, the answer is
// "" or an absolute path.
func FuzzUserDir(f *testing.F) {
	f.Add([]byte("XDG_DOCUMENTS_DIR=\"$HOME/Documents\"\n"), "/home/z")
	f.Add([]byte("XDG_DOCUMENTS_DIR=\"/a\\\\b\\\"\"\n"), "")
	f.Add([]byte("XDG_DOCUMENTS_DIR=\"\\\"\n"), "/h")
	f.Fuzz(func(t *testing.T, data []byte, home string) {
		if home != "" && !strings.HasPrefix(home, "/") {
			return
		}
		got := userDir(data, "XDG_DOCUMENTS_DIR", home)
		if got != "" && !strings.HasPrefix(got, "/") {
			t.Errorf("userDir(%q, home %q) = %q: not absolute", data, home, got)
		}
	})
}

func TestJoin(t *testing.T) {
	for _, tc := range []struct {
		goos string
		elem []string
		want string
	}{
		{"windows", []string{`C:\Users\x\`, "Tantieme", "demo"}, `C:\Users\x\Tantieme\demo`},
		{"windows", []string{`\\serveur\partage`, "", `\Tantieme`}, `\\serveur\partage\Tantieme`},
		{"linux", []string{"/home/x/", "Tantieme"}, "/home/x/Tantieme"},
		{"darwin", []string{"/Users/x", "Library", "Application Support"}, "/Users/x/Library/Application Support"},
	} {
		if got := join(tc.goos, tc.elem...); got != tc.want {
			t.Errorf("join(%s, %q) = %q, want %q", tc.goos, tc.elem, got, tc.want)
		}
	}
}
