"""HTTP API: public HSDS/ORUK endpoints, recommendations and places (admin comes later)."""
