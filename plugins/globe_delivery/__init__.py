"""Delivery: built editions → proofs over SMTP, campaigns handed to the mailing service.

Reads only what the build wrote (newsletter/editions.json, email.html, email.txt); never
builds. The mailing service sits behind `service.MailingService` (listmonk today).
"""
