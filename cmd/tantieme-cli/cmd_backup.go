package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"time"

	"tantieme/app"
	"tantieme/ledger"
)

// backupJSON is what `backup --json` and `restore --json` print.
type backupJSON struct {
	Archive       string  `json:"archive"`
	Residence     string  `json:"residence"`
	File          string  `json:"file,omitempty"`
	Created       string  `json:"created"`
	Exercise      string  `json:"exercise"`
	SchemaVersion int     `json:"schema_version"`
	SHA256        string  `json:"sha256"`
	Size          int64   `json:"size"`
	Owners        int     `json:"owners"`
	Lots          int     `json:"lots"`
	Entries       int     `json:"entries"`
	Documents     int     `json:"documents"`
	Reason        string  `json:"reason,omitempty"`
	Pruned        *int    `json:"pruned,omitempty"`
	Replaced      *string `json:"replaced,omitempty"`
	// The books' fingerprints when saved (the proof kept outside the file).
	Fingerprints []ledger.ManifestFingerprint `json:"fingerprints,omitempty"`
}

func manifestJSON(archive string, m ledger.Manifest) backupJSON {
	return backupJSON{Archive: archive, Residence: m.Residence, Created: m.Created.Format(time.RFC3339), Exercise: m.Exercise,
		SchemaVersion: m.SchemaVersion, SHA256: m.SHA256, Size: m.Size, Owners: m.Owners, Lots: m.Lots,
		Entries: m.Entries, Documents: len(m.Documents), Reason: m.Reason, Fingerprints: m.Fingerprints}
}

// printManifestFingerprints says the fingerprints a backup keeps.
func printManifestFingerprints(out io.Writer, m ledger.Manifest) {
	for _, f := range m.Fingerprints {
		what := "empreinte des comptes"
		if f.Sealed {
			what = "scellé de la clôture"
		}
		fmt.Fprintf(out, "Exercice %s : %s %s\n", f.Exercise, what, f.Fingerprint)
	}
}

func printJSON(out io.Writer, v any) error {
	enc := json.NewEncoder(out)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func init() {
	commands["backup"] = command{
		usage: "backup FICHIER --to DOSSIER [--full] [--documents DOSSIER] [--keep N] [--json]",
		setup: func(fs *flag.FlagSet) func([]string, io.Writer) error {
			to := fs.String("to", "", "dossier où écrire la sauvegarde (une clé USB, typiquement)")
			full := fs.Bool("full", false, "sauvegarde complète : ajoute le dossier des documents de la résidence (« <Résidence> – Documents » à côté du fichier, ou celui choisi)")
			docs := fs.String("documents", "", "sauvegarde complète avec les documents de ce dossier")
			keep := fs.Int("keep", 0, "sauvegardes de la résidence gardées dans le dossier (par défaut le réglage de la résidence, 10)")
			asJSON := fs.Bool("json", false, "affiche la sauvegarde en JSON")
			return func(pos []string, out io.Writer) error {
				if err := needArgs(pos, 1, "un fichier de résidence (.copro)"); err != nil {
					return err
				}
				if *to == "" {
					return usagef("--to DOSSIER est obligatoire")
				}
				if *keep < 0 {
					return usagef("--keep doit être positif")
				}
				// Read-only: a backup works while the window has the
				// residence open and writes to it.
				r, err := app.OpenReadOnly(pos[0])
				if err != nil {
					return err
				}
				defer r.Close()
				opt := app.BackupOptions{Documents: *docs, Keep: *keep}
				if *full && opt.Documents == "" {
					if opt.Documents, err = r.DocumentsFolder(); err != nil {
						return err
					}
				}
				res, err := r.Backup(*to, opt)
				if err != nil {
					return err
				}
				if *asJSON {
					j := manifestJSON(res.Path, res.Manifest)
					j.Pruned = &res.Pruned
					return printJSON(out, j)
				}
				fmt.Fprintln(out, res.Summary())
				fmt.Fprintf(out, "SHA-256 de la résidence : %s\n", res.Manifest.SHA256)
				printManifestFingerprints(out, res.Manifest)
				return nil
			}
		},
	}
	commands["restore"] = command{
		usage: "restore SAUVEGARDE.copro.zip --to FICHIER [--documents DOSSIER] [--show] [--json]",
		setup: func(fs *flag.FlagSet) func([]string, io.Writer) error {
			to := fs.String("to", "", "fichier de résidence à écrire ou remplacer (.copro)")
			docs := fs.String("documents", "", "restaure aussi les documents d'une sauvegarde complète dans ce dossier")
			show := fs.Bool("show", false, "vérifie la sauvegarde et dit ce qu'elle contient, sans rien restaurer")
			asJSON := fs.Bool("json", false, "affiche la sauvegarde en JSON")
			return func(pos []string, out io.Writer) error {
				if err := needArgs(pos, 1, "une sauvegarde (.copro.zip)"); err != nil {
					return err
				}
				if *show {
					if *to != "" || *docs != "" {
						return usagef("--show ne se combine pas avec --to ni --documents")
					}
					m, err := app.ReadBackup(pos[0])
					if err != nil {
						return err
					}
					if *asJSON {
						return printJSON(out, manifestJSON(pos[0], m))
					}
					fmt.Fprintln(out, app.DescribeBackup(m)+".")
					fmt.Fprintln(out, "Sauvegarde vérifiée : empreinte SHA-256 et intégrité correctes.")
					printManifestFingerprints(out, m)
					return nil
				}
				if *to == "" {
					return usagef("--to FICHIER est obligatoire (ou --show)")
				}
				res, err := app.Restore(pos[0], *to, ledger.RestoreOptions{Documents: *docs})
				if err != nil {
					return err
				}
				if *asJSON {
					j := manifestJSON(pos[0], res.Manifest)
					j.File = res.File
					j.Replaced = &res.Replaced
					return printJSON(out, j)
				}
				fmt.Fprintf(out, "Sauvegarde restaurée dans « %s » : %s.\n", res.File, app.DescribeBackup(res.Manifest))
				if res.Replaced != "" {
					fmt.Fprintf(out, "L'ancien fichier est gardé dans « %s ».\n", res.Replaced)
				}
				if res.Documents > 0 {
					fmt.Fprintf(out, "%d documents restaurés dans « %s ».\n", res.Documents, *docs)
				}
				return nil
			}
		},
	}
}
