-- Until now an account became a natural person by typing a name and an ID number (issue 12): such a link
-- proves nothing. Every link is void; a person verifies again through the identity provider.
UPDATE "users" SET "person_subject_id" = NULL;
