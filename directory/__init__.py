"""Find Your Place directory service: an HSDS 3.0 / Open Referral UK directory with search."""
