"""Operations: the health signal, online backups and log set-up (what a host or an operator runs)."""
