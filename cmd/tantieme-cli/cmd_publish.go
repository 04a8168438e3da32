package main

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"time"

	"tantieme/app"
	"tantieme/app/publish"
	"tantieme/internal/fr"
	"tantieme/ledger"
)

// publishJSON is what `publish --json` prints (CLI.md).
type publishJSON struct {
	Added     int                 `json:"added"`
	Removed   int                 `json:"removed"`
	Unchanged int                 `json:"unchanged"`
	Refused   []publishRefusal    `json:"refused"`
	Folders   []publishFolderJSON `json:"folders"`
}

type publishRefusal struct {
	Document string `json:"document"`
	Reason   string `json:"reason"`
}

type publishFolderJSON struct {
	Audience string `json:"audience"`
	Folder   string `json:"folder"`
	Files    int    `json:"files"`
}

func init() {
	commands["publish"] = command{
		usage: "publish FICHIER --to DOSSIER [--since AAAA-MM-JJ] [--history] [--json]",
		setup: func(fs *flag.FlagSet) func([]string, io.Writer) error {
			to := fs.String("to", "", "dossier où écrire l'espace de chaque destinataire (clé USB, dossier partagé du conseil)")
			since := fs.String("since", "", "renvoie tous les documents datés de ce jour ou après, même déjà publiés")
			history := fs.Bool("history", false, "première publication dans ce dossier : tout l'historique (sinon depuis le début de l'exercice en cours)")
			asJSON := fs.Bool("json", false, "affiche le résultat en JSON")
			return func(pos []string, out io.Writer) error {
				if err := needArgs(pos, 1, "un fichier de résidence (.copro)"); err != nil {
					return err
				}
				if *to == "" {
					return usagef("--to DOSSIER est obligatoire")
				}
				var d time.Time
				if *since != "" {
					var err error
					if d, err = ledger.ParseDate(*since); err != nil {
						return err
					}
				}
				// Writable: the documents it adds are registered, and the
				// residence records what each space holds.
				r, err := app.Open(pos[0])
				if err != nil {
					return err
				}
				defer r.Close()
				res, err := publish.Publish(r, publish.Options{To: *to, Since: d, History: *history})
				if err != nil {
					return err
				}
				if *asJSON {
					j := publishJSON{Added: res.Added, Removed: res.Removed, Unchanged: res.Unchanged, Refused: []publishRefusal{}, Folders: []publishFolderJSON{}}
					for _, x := range res.Refused {
						j.Refused = append(j.Refused, publishRefusal{Document: x.Title, Reason: x.Reason})
					}
					for _, s := range res.Spaces {
						j.Folders = append(j.Folders, publishFolderJSON{Audience: s.Audience, Folder: filepath.Base(s.Folder), Files: s.Files})
					}
					return printJSON(out, j)
				}
				printPublication(out, res)
				return nil
			}
		},
	}
}

func printPublication(out io.Writer, res publish.Result) {
	if res.First && !res.From.IsZero() {
		fmt.Fprintf(out, "Première publication dans ce dossier : documents datés à partir du %s (--history pour tout l'historique).\n", ledger.FrenchDate(res.From))
	}
	fmt.Fprintf(out, "%s, %s, %s dans %s — %s.\n", fr.Count(res.Added, "fichier ajouté", "fichiers ajoutés"),
		fr.Count(res.Removed, "retiré", "retirés"), fr.Count(res.Unchanged, "inchangé", "inchangés"),
		fr.Count(len(res.Spaces), "dossier", "dossiers"), res.Folder)
	for _, x := range res.Refused {
		fmt.Fprintf(out, "Non publié : « %s » — %s\n", x.Title, x.Reason)
	}
}
