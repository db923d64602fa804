"""Publishing: fingerprinted assets, link checks, atomic deploys with rollback."""
