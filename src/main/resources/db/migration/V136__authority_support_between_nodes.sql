-- support requests between nodes (docs/authority.md, "Requests to the supporting nation's node"):
-- sent_to: on the requesting node, the nation whose node decides the request (null when decided here);
-- from_node: on the deciding node, the nation whose node sent it (answered there once decided);
-- decision_code: the decision's reason as a code with its arguments, told in each reader's language
alter table authority_support_request add column sent_to varchar(3);
alter table authority_support_request add column from_node varchar(3);
alter table authority_support_request add column decision_code varchar(4000);
