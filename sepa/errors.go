package sepa

// Error is a file refused before anything is written: which payment or
// party (Where, e.g. « Virement n° 2, bénéficiaire « Dupont » »), which
// field (Field, e.g. « IBAN »), and what is wrong, in French, for the syndic
// to read and correct:
//
//	Virement n° 2, bénéficiaire « Dupont » : IBAN : manquant
type Error struct {
	Where string
	Field string
	Msg   string
}

func (e *Error) Error() string {
	s := ""
	for _, part := range []string{e.Where, e.Field, e.Msg} {
		if part != "" {
			if s != "" {
				s += " : "
			}
			s += part
		}
	}
	return s
}
