package sjson

// Fast sjson encoding, a document's keys: duplicated keys (left to the original) and the schema's
// key list (gsc_fast.go, gsc_fast_encode.go); copied into internal/handler/sjson by
// scripts/ensure-ferretdb.sh.

func gscHasDuplicates(keys []string) bool {
	if len(keys) < 2 {
		return false
	}

	if len(keys) <= 32 {
		for i := 1; i < len(keys); i++ {
			for j := 0; j < i; j++ {
				if keys[i] == keys[j] {
					return true
				}
			}
		}

		return false
	}

	seen := make(map[string]struct{}, len(keys))
	for _, k := range keys {
		if _, ok := seen[k]; ok {
			return true
		}
		seen[k] = struct{}{}
	}

	return false
}

// keyList closes a schema's properties and writes its key list ("$k"), as the original does for a
// non-empty document.
func (enc *gscEnc) keyList(keys []string) {
	if len(keys) == 0 {
		return
	}

	enc.s = append(enc.s, `},"$k":[`...)
	for i, key := range keys {
		if i > 0 {
			enc.s = append(enc.s, ',')
		}
		enc.s = gscAppendString(enc.s, key)
	}
	enc.s = append(enc.s, `]}`...)
}
