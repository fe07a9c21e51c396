"""The job engine: claims due jobs from the store and works them (submit, poll, deliver, announce)."""
