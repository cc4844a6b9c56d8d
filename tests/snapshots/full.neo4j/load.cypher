// Loads nodes.csv and relationships.csv, written by newsgraph, into Neo4j 5.
// Copy the two files into the server's import folder, then run:
//   cypher-shell -u neo4j -f load.cypher
// Running it again updates the graph: nodes and relationships are merged.
// Into a new database, the bulk importer reads the same files faster:
//   neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv neo4j

CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;

LOAD CSV WITH HEADERS FROM 'file:///nodes.csv' AS row
MERGE (n:Entity {id: row.`id:ID`})
SET n.name = CASE WHEN row.`name` <> '' THEN row.`name` END,
    n.kind = CASE WHEN row.`kind` <> '' THEN row.`kind` END,
    n.org_type = CASE WHEN row.`org_type` <> '' THEN row.`org_type` END,
    n.country = CASE WHEN row.`country` <> '' THEN row.`country` END,
    n.iso3 = CASE WHEN row.`iso3` <> '' THEN row.`iso3` END,
    n.sector = CASE WHEN row.`sector` <> '' THEN row.`sector` END,
    n.wikidata = CASE WHEN row.`wikidata` <> '' THEN row.`wikidata` END,
    n.aliases = CASE WHEN row.`aliases:string[]` <> '' THEN split(row.`aliases:string[]`, ';') END,
    n.mentions = toInteger(row.`mentions:int`),
    n.unresolved = toBoolean(row.`unresolved:boolean`);

MATCH (n:Entity {kind: 'country'}) SET n:Country;
MATCH (n:Entity {kind: 'organization'}) SET n:Organization;
MATCH (n:Entity {kind: 'armed_group'}) SET n:ArmedGroup;
MATCH (n:Entity {kind: 'person'}) SET n:Person;

LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row
WITH row WHERE row.`:TYPE` = 'ACCUSATION'
MATCH (a:Entity {id: row.`:START_ID`}), (b:Entity {id: row.`:END_ID`})
MERGE (a)-[r:ACCUSATION]->(b)
SET r.kind = CASE WHEN row.`kind` <> '' THEN row.`kind` END,
    r.plover = CASE WHEN row.`plover` <> '' THEN row.`plover` END,
    r.cameo = CASE WHEN row.`cameo` <> '' THEN row.`cameo` END,
    r.symmetric = toBoolean(row.`symmetric:boolean`),
    r.mentions = toInteger(row.`mentions:int`),
    r.sources = toInteger(row.`sources:int`),
    r.first_date = CASE WHEN row.`first_date` <> '' THEN row.`first_date` END,
    r.last_date = CASE WHEN row.`last_date` <> '' THEN row.`last_date` END,
    r.modality = CASE WHEN row.`modality` <> '' THEN row.`modality` END,
    r.confidence = toFloat(row.`confidence:float`),
    r.current = toBoolean(row.`current:boolean`),
    r.ended_by = CASE WHEN row.`ended_by` <> '' THEN row.`ended_by` END;

LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row
WITH row WHERE row.`:TYPE` = 'AGREEMENT_ENDED'
MATCH (a:Entity {id: row.`:START_ID`}), (b:Entity {id: row.`:END_ID`})
MERGE (a)-[r:AGREEMENT_ENDED]->(b)
SET r.kind = CASE WHEN row.`kind` <> '' THEN row.`kind` END,
    r.plover = CASE WHEN row.`plover` <> '' THEN row.`plover` END,
    r.cameo = CASE WHEN row.`cameo` <> '' THEN row.`cameo` END,
    r.symmetric = toBoolean(row.`symmetric:boolean`),
    r.mentions = toInteger(row.`mentions:int`),
    r.sources = toInteger(row.`sources:int`),
    r.first_date = CASE WHEN row.`first_date` <> '' THEN row.`first_date` END,
    r.last_date = CASE WHEN row.`last_date` <> '' THEN row.`last_date` END,
    r.modality = CASE WHEN row.`modality` <> '' THEN row.`modality` END,
    r.confidence = toFloat(row.`confidence:float`),
    r.current = toBoolean(row.`current:boolean`),
    r.ended_by = CASE WHEN row.`ended_by` <> '' THEN row.`ended_by` END;

LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row
WITH row WHERE row.`:TYPE` = 'AGREEMENT_SIGNED'
MATCH (a:Entity {id: row.`:START_ID`}), (b:Entity {id: row.`:END_ID`})
MERGE (a)-[r:AGREEMENT_SIGNED]->(b)
SET r.kind = CASE WHEN row.`kind` <> '' THEN row.`kind` END,
    r.plover = CASE WHEN row.`plover` <> '' THEN row.`plover` END,
    r.cameo = CASE WHEN row.`cameo` <> '' THEN row.`cameo` END,
    r.symmetric = toBoolean(row.`symmetric:boolean`),
    r.mentions = toInteger(row.`mentions:int`),
    r.sources = toInteger(row.`sources:int`),
    r.first_date = CASE WHEN row.`first_date` <> '' THEN row.`first_date` END,
    r.last_date = CASE WHEN row.`last_date` <> '' THEN row.`last_date` END,
    r.modality = CASE WHEN row.`modality` <> '' THEN row.`modality` END,
    r.confidence = toFloat(row.`confidence:float`),
    r.current = toBoolean(row.`current:boolean`),
    r.ended_by = CASE WHEN row.`ended_by` <> '' THEN row.`ended_by` END;

LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row
WITH row WHERE row.`:TYPE` = 'AID'
MATCH (a:Entity {id: row.`:START_ID`}), (b:Entity {id: row.`:END_ID`})
MERGE (a)-[r:AID]->(b)
SET r.kind = CASE WHEN row.`kind` <> '' THEN row.`kind` END,
    r.plover = CASE WHEN row.`plover` <> '' THEN row.`plover` END,
    r.cameo = CASE WHEN row.`cameo` <> '' THEN row.`cameo` END,
    r.symmetric = toBoolean(row.`symmetric:boolean`),
    r.mentions = toInteger(row.`mentions:int`),
    r.sources = toInteger(row.`sources:int`),
    r.first_date = CASE WHEN row.`first_date` <> '' THEN row.`first_date` END,
    r.last_date = CASE WHEN row.`last_date` <> '' THEN row.`last_date` END,
    r.modality = CASE WHEN row.`modality` <> '' THEN row.`modality` END,
    r.confidence = toFloat(row.`confidence:float`),
    r.current = toBoolean(row.`current:boolean`),
    r.ended_by = CASE WHEN row.`ended_by` <> '' THEN row.`ended_by` END;

LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row
WITH row WHERE row.`:TYPE` = 'AID_SUSPENSION'
MATCH (a:Entity {id: row.`:START_ID`}), (b:Entity {id: row.`:END_ID`})
MERGE (a)-[r:AID_SUSPENSION]->(b)
SET r.kind = CASE WHEN row.`kind` <> '' THEN row.`kind` END,
    r.plover = CASE WHEN row.`plover` <> '' THEN row.`plover` END,
    r.cameo = CASE WHEN row.`cameo` <> '' THEN row.`cameo` END,
    r.symmetric = toBoolean(row.`symmetric:boolean`),
    r.mentions = toInteger(row.`mentions:int`),
    r.sources = toInteger(row.`sources:int`),
    r.first_date = CASE WHEN row.`first_date` <> '' THEN row.`first_date` END,
    r.last_date = CASE WHEN row.`last_date` <> '' THEN row.`last_date` END,
    r.modality = CASE WHEN row.`modality` <> '' THEN row.`modality` END,
    r.confidence = toFloat(row.`confidence:float`),
    r.current = toBoolean(row.`current:boolean`),
    r.ended_by = CASE WHEN row.`ended_by` <> '' THEN row.`ended_by` END;

LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row
WITH row WHERE row.`:TYPE` = 'DEPLOYMENT'
MATCH (a:Entity {id: row.`:START_ID`}), (b:Entity {id: row.`:END_ID`})
MERGE (a)-[r:DEPLOYMENT]->(b)
SET r.kind = CASE WHEN row.`kind` <> '' THEN row.`kind` END,
    r.plover = CASE WHEN row.`plover` <> '' THEN row.`plover` END,
    r.cameo = CASE WHEN row.`cameo` <> '' THEN row.`cameo` END,
    r.symmetric = toBoolean(row.`symmetric:boolean`),
    r.mentions = toInteger(row.`mentions:int`),
    r.sources = toInteger(row.`sources:int`),
    r.first_date = CASE WHEN row.`first_date` <> '' THEN row.`first_date` END,
    r.last_date = CASE WHEN row.`last_date` <> '' THEN row.`last_date` END,
    r.modality = CASE WHEN row.`modality` <> '' THEN row.`modality` END,
    r.confidence = toFloat(row.`confidence:float`),
    r.current = toBoolean(row.`current:boolean`),
    r.ended_by = CASE WHEN row.`ended_by` <> '' THEN row.`ended_by` END;

LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row
WITH row WHERE row.`:TYPE` = 'EXPULSION'
MATCH (a:Entity {id: row.`:START_ID`}), (b:Entity {id: row.`:END_ID`})
MERGE (a)-[r:EXPULSION]->(b)
SET r.kind = CASE WHEN row.`kind` <> '' THEN row.`kind` END,
    r.plover = CASE WHEN row.`plover` <> '' THEN row.`plover` END,
    r.cameo = CASE WHEN row.`cameo` <> '' THEN row.`cameo` END,
    r.symmetric = toBoolean(row.`symmetric:boolean`),
    r.mentions = toInteger(row.`mentions:int`),
    r.sources = toInteger(row.`sources:int`),
    r.first_date = CASE WHEN row.`first_date` <> '' THEN row.`first_date` END,
    r.last_date = CASE WHEN row.`last_date` <> '' THEN row.`last_date` END,
    r.modality = CASE WHEN row.`modality` <> '' THEN row.`modality` END,
    r.confidence = toFloat(row.`confidence:float`),
    r.current = toBoolean(row.`current:boolean`),
    r.ended_by = CASE WHEN row.`ended_by` <> '' THEN row.`ended_by` END;

LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row
WITH row WHERE row.`:TYPE` = 'MEMBER_OF'
MATCH (a:Entity {id: row.`:START_ID`}), (b:Entity {id: row.`:END_ID`})
MERGE (a)-[r:MEMBER_OF]->(b)
SET r.kind = CASE WHEN row.`kind` <> '' THEN row.`kind` END,
    r.plover = CASE WHEN row.`plover` <> '' THEN row.`plover` END,
    r.cameo = CASE WHEN row.`cameo` <> '' THEN row.`cameo` END,
    r.symmetric = toBoolean(row.`symmetric:boolean`),
    r.mentions = toInteger(row.`mentions:int`),
    r.sources = toInteger(row.`sources:int`),
    r.first_date = CASE WHEN row.`first_date` <> '' THEN row.`first_date` END,
    r.last_date = CASE WHEN row.`last_date` <> '' THEN row.`last_date` END,
    r.modality = CASE WHEN row.`modality` <> '' THEN row.`modality` END,
    r.confidence = toFloat(row.`confidence:float`),
    r.current = toBoolean(row.`current:boolean`),
    r.ended_by = CASE WHEN row.`ended_by` <> '' THEN row.`ended_by` END;
