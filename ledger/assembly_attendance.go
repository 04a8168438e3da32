package ledger

import (
	"database/sql"
	"time"
)

// Attendance is how an owner took part in an assembly. Whether a proxy or
// a postal form counts (loi 1965 art. 22; décret 1967 art. 9 bis) is the
// vote rules' business: the record keeps what happened.
type Attendance struct {
	Assembly int64
	Owner    string
	Status   string // AttendPresent, AttendRepresented, AttendPostal or AttendAbsent
	// The mandataire of a represented owner: an owner (ProxyOwner, his
	// account) or someone else (ProxyName).
	ProxyOwner string
	ProxyName  string
	// ProxyRank is the order the mandataire's delegations were given in
	// (1, 2, 3…; 0 not given), ProxyTie his tie to the syndic
	// (ProxyTieNone…TieEmployee): loi 1965 art. 22.
	ProxyRank int
	ProxyTie  string
	// FormReceived is the day a postal voter's form arrived.
	FormReceived time.Time
}

// The statuses of an attendance.
const (
	AttendPresent     = "present"
	AttendRepresented = "represented"
	AttendPostal      = "postal"
	AttendAbsent      = "absent"
)

// The mandataire's ties to the syndic (loi 1965 art. 22 I al. 4).
const (
	ProxyTieNone     = ""
	ProxyTieSyndic   = "syndic"
	ProxyTieSpouse   = "spouse"
	ProxyTieFamily   = "family"
	ProxyTieEmployee = "employee"
)

// ProxyTies are the ties in the screens' order, ProxyTieWords their French
// names and ProxyTieRule the rules' value of each.
var (
	ProxyTies     = []string{ProxyTieNone, ProxyTieSyndic, ProxyTieSpouse, ProxyTieFamily, ProxyTieEmployee}
	ProxyTieWords = map[string]string{
		ProxyTieNone: "aucun lien avec le syndic", ProxyTieSyndic: "le syndic", ProxyTieSpouse: "conjoint, partenaire ou concubin du syndic",
		ProxyTieFamily: "ascendant ou descendant du syndic", ProxyTieEmployee: "préposé du syndic",
	}
	ProxyTieRule = map[string]SyndicTie{ProxyTieNone: NoTie, ProxyTieSyndic: TieSyndic, ProxyTieSpouse: TieSpouse, ProxyTieFamily: TieFamily,
		ProxyTieEmployee: TieEmployee}
)

// AttendanceStatuses are the statuses in the screens' order, and
// AttendanceWords their French names.
var (
	AttendanceStatuses = []string{AttendPresent, AttendRepresented, AttendPostal, AttendAbsent}
	AttendanceWords    = map[string]string{
		AttendPresent: "présent", AttendRepresented: "représenté", AttendPostal: "vote par correspondance", AttendAbsent: "absent",
	}
)

func (a *Attendance) validate() error {
	if _, ok := AttendanceWords[a.Status]; !ok {
		return Errorf(Invalid, "Présence « %s » inconnue : present, represented, postal ou absent", a.Status)
	}
	if err := cleanTexts(textField{&a.ProxyName, "nom du mandataire", NameText}); err != nil {
		return err
	}
	if _, ok := ProxyTieWords[a.ProxyTie]; !ok {
		return Errorf(Invalid, "Lien du mandataire avec le syndic « %s » inconnu : syndic, spouse, family, employee ou rien", a.ProxyTie)
	}
	switch {
	case a.Status == AttendRepresented && a.ProxyOwner == "" && a.ProxyName == "":
		return Errorf(Invalid, "Copropriétaire %s représenté : indiquez son mandataire", a.Owner)
	case a.Status != AttendRepresented && (a.ProxyOwner != "" || a.ProxyName != ""):
		return Errorf(Invalid, "Copropriétaire %s : seul un copropriétaire représenté a un mandataire", a.Owner)
	case a.ProxyOwner != "" && a.ProxyName != "":
		return Errorf(Invalid, "Copropriétaire %s : le mandataire est un copropriétaire ou une autre personne, pas les deux", a.Owner)
	case a.ProxyOwner == a.Owner && a.ProxyOwner != "":
		return Errorf(Invalid, "Copropriétaire %s : il ne peut pas être son propre mandataire", a.Owner)
	case a.Status == AttendPostal && a.FormReceived.IsZero():
		return Errorf(Invalid, "Copropriétaire %s vote par correspondance : indiquez le jour où son formulaire est arrivé", a.Owner)
	case a.Status != AttendRepresented && (a.ProxyRank != 0 || a.ProxyTie != ProxyTieNone):
		return Errorf(Invalid, "Copropriétaire %s : seul un copropriétaire représenté a un pouvoir avec un rang ou un lien avec le syndic", a.Owner)
	case a.ProxyRank < 0 || a.ProxyRank > 10000:
		return Errorf(Invalid, "Copropriétaire %s : rang du pouvoir %d hors limites (1 à 10000)", a.Owner, a.ProxyRank)
	case a.Status != AttendPostal && !a.FormReceived.IsZero():
		return Errorf(Invalid, "Copropriétaire %s : seul un vote par correspondance a une date de réception du formulaire", a.Owner)
	}
	return nil
}

// checkOwner refuses an account that is no owner; what names the role in
// the message.
func (tx *Tx) checkOwner(account, what string) error {
	var n int
	if err := tx.queryRow(`SELECT count(*) FROM owners WHERE account = ?`, account).Scan(&n); err != nil {
		return sqlError(err, "lecture des copropriétaires")
	}
	if n == 0 {
		return Errorf(NotFound, "%s : le copropriétaire %s n'existe pas", upperFirst(what), account)
	}
	return nil
}

// SetAttendance records or changes an owner's attendance. An owner who
// voted cannot be made absent: his votes are removed first.
func (tx *Tx) SetAttendance(a Attendance) error {
	if err := a.validate(); err != nil {
		return err
	}
	if _, err := tx.Assembly(a.Assembly); err != nil {
		return err
	}
	if err := tx.checkOwner(a.Owner, "présence"); err != nil {
		return err
	}
	if a.ProxyOwner != "" {
		if err := tx.checkOwner(a.ProxyOwner, "mandataire"); err != nil {
			return err
		}
	}
	if a.Status == AttendAbsent {
		var n int
		if err := tx.queryRow(`SELECT count(*) FROM votes v JOIN resolutions r ON r.id = v.resolution_id
			WHERE r.assembly_id = ? AND v.owner = ?`, a.Assembly, a.Owner).Scan(&n); err != nil {
			return sqlError(err, "lecture des votes")
		}
		if n > 0 {
			return Errorf(Conflict, "Le copropriétaire %s a voté : supprimez ses votes avant de le dire absent", a.Owner)
		}
	}
	proxy := any(nil)
	if a.ProxyOwner != "" {
		proxy = a.ProxyOwner
	}
	_, err := tx.exec("présence de "+a.Owner, `INSERT INTO attendances (assembly_id, owner, status, proxy_owner, proxy_name, form_received,
		proxy_rank, proxy_tie) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (assembly_id, owner) DO UPDATE SET status = excluded.status,
		proxy_owner = excluded.proxy_owner, proxy_name = excluded.proxy_name, form_received = excluded.form_received,
		proxy_rank = excluded.proxy_rank, proxy_tie = excluded.proxy_tie`,
		a.Assembly, a.Owner, a.Status, proxy, a.ProxyName, nullDate(a.FormReceived), a.ProxyRank, a.ProxyTie)
	return err
}

// DeleteAttendance forgets an owner's attendance (and so his votes).
func (tx *Tx) DeleteAttendance(assembly int64, owner string) error {
	if _, err := tx.exec("suppression des votes", `DELETE FROM votes WHERE owner = ? AND resolution_id IN
		(SELECT id FROM resolutions WHERE assembly_id = ?)`, owner, assembly); err != nil {
		return err
	}
	_, err := tx.exec("suppression de la présence", `DELETE FROM attendances WHERE assembly_id = ? AND owner = ?`, assembly, owner)
	return err
}

// Attendances lists an assembly's attendance records, by owner account.
func (tx *Tx) Attendances(assembly int64) ([]Attendance, error) {
	return collect(tx, "lecture de la feuille de présence", `SELECT owner, status, proxy_owner, proxy_name, form_received,
		proxy_rank, proxy_tie FROM attendances WHERE assembly_id = ? ORDER BY owner`, []any{assembly}, func(r *sql.Rows) (Attendance, error) {
		a := Attendance{Assembly: assembly}
		var proxy, received sql.NullString
		err := r.Scan(&a.Owner, &a.Status, &proxy, &a.ProxyName, &received, &a.ProxyRank, &a.ProxyTie)
		a.ProxyOwner, a.FormReceived = proxy.String, parseStored(received.String)
		return a, err
	})
}
